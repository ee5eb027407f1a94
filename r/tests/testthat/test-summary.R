summary_inputs <- function(config = search_config(), clusters = TRUE) {
  models <- robyn_shaped_models(config, trials = 2L, per_trial = 80L)
  out <- robyn_shaped_outputs(config, models, clusters = clusters, kept = 110L)
  list(
    config = config,
    raw = to_json(config),
    result = list(
      all_hyp = out$allPareto$resultHypParam, pareto_hyp = out$resultHypParam, x_decomp_agg = out$xDecompAgg,
      cluster_models = out$clusters$models, min_candidates = 100L, all_fronts = FALSE
    )
  )
}

test_that("model_summary.json from Robyn's tables is schema-valid and echoes the config", {
  s <- summary_inputs()
  summary <- build_model_summary(s$raw, s$config, "run-1", "3.12.1", s$result, timings = list(robyn_run = 12.5))
  dir <- temp_run_dir()
  path <- file.path(dir, "model_summary.json")
  write_text_atomic(to_json(summary), path)
  expect_schema_valid(path, "model_summary")
  parsed <- jsonlite::fromJSON(path, simplifyVector = FALSE)
  expect_identical(parsed$config, jsonlite::fromJSON(s$raw, simplifyVector = FALSE))
  expect_identical(parsed$engine, list(name = "robyn", version = "3.12.1"))
  expect_identical(parsed$run_id, "run-1")
  expect_identical(parsed$candidate_count, 160L)
  expect_identical(parsed$pareto_model_count, 110L)
  expect_length(parsed$pareto_models, 100L)
  expect_identical(parsed$timings$robyn_run, 12.5)
  fronts <- vapply(parsed$pareto_models, function(m) m$pareto_front, integer(1))
  expect_false(is.unsorted(fronts))
})

test_that("the best model is the cluster winner with the lowest error score", {
  s <- summary_inputs()
  winners <- s$result$cluster_models
  expected <- winners$solID[which.min(winners$error_score)]
  summary <- build_model_summary(s$raw, s$config, "r", "3.12.1", s$result)
  expect_identical(summary$best_model$model_id, expected)
  row <- s$result$pareto_hyp[s$result$pareto_hyp$solID == expected, ]
  expect_identical(summary$best_model$nrmse_test, row$nrmse_test)
  expect_identical(summary$best_model$decomp_rssd, row$decomp.rssd)
  expect_identical(summary$best_model$cluster, as.integer(row$cluster))
  expect_match(summary$best_model_rule, "cluster winner with the lowest error score \\(nrmse_test")
})

test_that("without clusters the best model is the Pareto model with the lowest error score", {
  s <- summary_inputs(clusters = FALSE)
  s$result$all_fronts <- TRUE
  pareto <- s$result$pareto_hyp
  summary <- build_model_summary(s$raw, s$config, "r", "3.12.1", s$result)
  expect_identical(summary$best_model$model_id, pareto$solID[which.min(pareto$error_score)])
  expect_true(is.na(summary$best_model$cluster))
  expect_match(summary$best_model_rule, "every Pareto front kept.*not clustered")
})

test_that("the decomposition names each variable's role, spend column and efficiency", {
  s <- summary_inputs()
  summary <- build_model_summary(s$raw, s$config, "r", "3.12.1", s$result)
  entries <- summary$decomposition
  role <- stats::setNames(vapply(entries, `[[`, "", "role"), vapply(entries, `[[`, "", "variable"))
  expect_identical(unname(role[c("(Intercept)", "trend", "competitor_sales_B", "facebook_I", "newsletter")]),
                   c("intercept", "baseline", "context", "paid_media", "organic"))
  facebook <- entries[[which(names(role) == "facebook_I")]]
  expect_identical(facebook$spend_column, "facebook_S")
  expect_identical(facebook$roi, 1.5)
  expect_true(is.na(facebook$cpa))
  newsletter <- entries[[which(names(role) == "newsletter")]]
  expect_null(newsletter$spend_column)
  expect_true(is.na(newsletter$roi))
  expect_identical(newsletter$carryover_share, 0.25)
  trend <- entries[[which(names(role) == "trend")]]
  expect_true(is.na(trend$mean_response))
  s$config$dep_var_type <- "conversion"
  converted <- build_model_summary(s$raw, s$config, "r", "3.12.1", s$result)$decomposition
  facebook <- converted[[which(names(role) == "facebook_I")]]
  expect_identical(facebook$cpa, 1 / 1.5)
  expect_true(is.na(facebook$roi))
})

test_that("benchmark tags are copied; a best model missing from the fronts is an error", {
  s <- summary_inputs()
  s$config$benchmark <- list(id = "b1", dimension = "adstock", variant = "geometric")
  summary <- build_model_summary(s$raw, s$config, "r", "3.12.1", s$result)
  expect_identical(summary$benchmark$id, "b1")
  s$result$cluster_models$solID <- "9_9_9"
  expect_error(build_model_summary(s$raw, s$config, "r", "3.12.1", s$result), "not among the Pareto models")
})

test_that("status.json follows the run_status schema", {
  dir <- temp_run_dir()
  started <- as.POSIXct("2026-11-22 03:18:15", tz = "UTC")
  running <- status_running("r1", started, "3.12.1")
  write_status(running, dir)
  expect_schema_valid(file.path(dir, "status.json"), "run_status")
  failed <- status_finished(running, "FAILED", started + 61.5, failed_step = "robyn_run", message = "no\nnevergrad")
  write_status(failed, dir)
  expect_schema_valid(file.path(dir, "status.json"), "run_status")
  parsed <- jsonlite::fromJSON(file.path(dir, "status.json"))
  expect_identical(parsed$started_at, "2026-11-22T03:18:15Z")
  expect_identical(parsed$finished_at, "2026-11-22T03:19:16Z")
  expect_identical(parsed$duration_seconds, 61.5)
  expect_identical(parsed$message, "no nevergrad")
  done <- status_finished(running, "SUCCEEDED", started + 5, message = "best model 1_2_1")
  write_status(done, dir)
  expect_schema_valid(file.path(dir, "status.json"), "run_status")
})
