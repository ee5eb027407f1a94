run_fake_job <- function(config, fail = NULL) {
  dir <- write_run_inputs(temp_run_dir(), config)
  fake <- fake_robyn_api(config, fail = fail)
  captured <- capture_protocol(tryCatch(run_robyn_job(dir, fake$api, run_id = "job-1", cores = 2L), error = function(e) e))
  list(dir = dir, calls = fake$calls, value = captured$value, events = captured$events)
}

test_that("a search runs robyn_inputs → robyn_run → robyn_outputs with the job's settings", {
  config <- search_config(iterations = 40L, trials = 2L)
  config$seed <- 4242
  run <- run_fake_job(config)
  expect_false(inherits(run$value, "error"))
  inputs <- run$calls$inputs[[1]]
  expect_identical(inputs$context_vars, c("trend", "season", "holiday", "competitor_sales_B", "events"))
  expect_null(inputs$prophet_vars)
  expect_identical(inputs$hyperparameters$train_size, c(0.5, 0.8))
  expect_null(inputs$calibration_input)
  robyn_run <- run$calls$run[[1]]
  expect_identical(robyn_run$seed, 4242L)
  expect_type(robyn_run$seed, "integer")
  expect_false(robyn_run$quiet)
  expect_identical(robyn_run$iterations, 40L)
  expect_identical(robyn_run$trials, 2L)
  expect_identical(robyn_run$cores, 2L)
  expect_true(robyn_run$ts_validation)
  expect_false(robyn_run$outputs)
  # Baseline columns are bounded like Prophet terms from robyn_run on.
  expect_identical(robyn_run$InputCollect$prophet_vars, c("trend", "season", "holiday"))
  expect_identical(robyn_run$InputCollect$context_vars, c("competitor_sales_B", "events"))
  outputs <- run$calls$outputs[[1]]
  expect_identical(outputs$pareto_fronts, "auto")
  expect_lt(outputs$min_candidates, 80L)
  expect_true(outputs$clusters)
  expect_false(outputs$export)
  expect_identical(run$calls$csv[[1]]$csv_out, "all")
  expect_identical(run$calls$csv[[1]]$plot_folder, paste0(normalizePath(run$dir), "/"))
})

test_that("the run folder gets Robyn's CSVs, the model file, model_summary.json and status.json", {
  run <- run_fake_job(search_config())
  files <- list.files(run$dir)
  expect_true(all(c("pareto_hyperparameters.csv", "pareto_aggregated.csv", "all_hyperparameters.csv", "model_summary.json",
                    "status.json") %in% files))
  summary <- jsonlite::fromJSON(file.path(run$dir, "model_summary.json"), simplifyVector = FALSE)
  expect_true(paste0("RobynModel-", summary$best_model$model_id, ".json") %in% files)
  expect_identical(summary$run_id, "job-1")
  expect_identical(summary$engine$version, "3.12.1-stand-in")
  expect_setequal(names(summary$timings), c("read_inputs", "robyn_inputs", "robyn_run", "robyn_outputs", "write_outputs"))
  expect_schema_valid(file.path(run$dir, "model_summary.json"), "model_summary")
  status <- jsonlite::fromJSON(file.path(run$dir, "status.json"))
  expect_identical(status$state, "SUCCEEDED")
  expect_identical(status$message, paste("best model", summary$best_model$model_id))
  expect_schema_valid(file.path(run$dir, "status.json"), "run_status")
})

test_that("progress and Robyn's messages reach the caller as protocol lines", {
  run <- run_fake_job(search_config(iterations = 40L, trials = 2L))
  progress <- Filter(function(e) e$event == "progress", run$events)
  done <- vapply(progress, function(e) e$done, integer(1))
  expect_identical(done, c(0L, 0L, 40L, 80L))
  expect_true(all(vapply(progress, function(e) e$total, integer(1)) == 80L))
  warnings <- Filter(function(e) e$event == "diagnostic" && e$severity == "warning", run$events)
  expect_true(any(vapply(warnings, function(e) grepl("2000 iterations", e$message), logical(1))))
  notes <- Filter(function(e) e$event == "diagnostic" && e$code == "few_pareto_models", run$events)
  expect_length(notes, 1L)
})

test_that("when clustering fails the fronts are kept without clusters", {
  run <- run_fake_job(search_config(), fail = "clusters")
  expect_false(inherits(run$value, "error"))
  expect_identical(vapply(run$calls$outputs, function(a) a$clusters, logical(1)), c(TRUE, FALSE))
  expect_true(any(vapply(run$events, function(e) identical(e$code, "robyn_clusters_failed"), logical(1))))
  summary <- jsonlite::fromJSON(file.path(run$dir, "model_summary.json"))
  expect_match(summary$best_model_rule, "not clustered")
})

test_that("every hyperparameter fixed: one robyn_run with dt_hyper_fixed and a scaled lambda, no robyn_outputs", {
  run <- run_fake_job(parity_config())
  robyn_run <- run$calls$run[[1]]
  fixed <- robyn_run$dt_hyper_fixed
  expect_identical(nrow(fixed), 1L)
  expected <- jsonlite::fromJSON(fixture("parity_expected.json"))
  # The stand-in's dt_mod lacks nothing Robyn's has for this job, so the scaled lambda is Robyn's.
  expect_equal(fixed$lambda, expected$lambda, tolerance = 1e-12)
  expect_identical(fixed$tv_S_thetas, 0.55)
  expect_identical(fixed$train_size, 0.7)
  expect_identical(robyn_run$cores, 1L)
  expect_null(run$calls$outputs)
  summary <- jsonlite::fromJSON(file.path(run$dir, "model_summary.json"))
  expect_identical(summary$best_model$model_id, "1_1_1")
  expect_match(summary$best_model_rule, "every hyperparameter fixed")
})

test_that("calibration studies reach robyn_inputs", {
  config <- search_config()
  config$calibration_input <- list(list(channel = "tv_S", liftStartDate = "2017-01-02", liftEndDate = "2017-01-29", liftAbs = 1e5))
  run <- run_fake_job(config)
  expect_identical(run$calls$inputs[[1]]$calibration_input$channel, "tv_S")
  expect_true(run$calls$csv[[1]]$calibrated)
})

test_that("a failure is recorded in status.json with its step and reported once", {
  for (case in list(c("inputs", "robyn_inputs"), c("run", "robyn_run"), c("outputs", "robyn_outputs"))) {
    run <- run_fake_job(search_config(), fail = case[1])
    expect_s3_class(run$value, "error")
    status <- jsonlite::fromJSON(file.path(run$dir, "status.json"))
    expect_identical(status$state, "FAILED")
    expect_identical(status$failed_step, case[2])
    expect_identical(status$message, one_line(conditionMessage(run$value)))
    errors <- Filter(function(e) e$event == "error", run$events)
    expect_length(errors, 1L)
    expect_identical(errors[[1]]$step, case[2])
    expect_false(file.exists(file.path(run$dir, "model_summary.json")))
    expect_schema_valid(file.path(run$dir, "status.json"), "run_status")
  }
})

test_that("bad inputs fail in read_inputs", {
  config <- search_config()
  config$custom_hyperparameters$tv_S_alphas <- NULL
  run <- run_fake_job(config)
  status <- jsonlite::fromJSON(file.path(run$dir, "status.json"))
  expect_identical(status$failed_step, "read_inputs")
  expect_match(status$message, "lacks tv_S_alphas")
})
