# One Robyn training run in a run folder: read the two inputs, robyn_inputs → robyn_run → robyn_outputs, write
# Robyn's CSVs, model_summary.json and status.json.

#' Runs the job. Errors are recorded in status.json (FAILED, with the step) and re-raised.
#' @param run_dir the run folder (holds job_config.json and prepared_data.csv).
#' @param api Robyn's functions (robyn_api()).
#' @param run_id the run's id (recorded in status.json and model_summary.json).
#' @param cores worker processes for robyn_run.
#' @return the summary object, invisibly.
run_robyn_job <- function(run_dir, api, run_id = basename(run_dir), cores = 1L, now = Sys.time) {
  state <- new.env()
  state$step <- "read_inputs"
  state$status <- status_running(run_id, now(), api$version)
  write_status(state$status, run_dir)
  timings <- list()
  timed <- function(step, expr) {
    state$step <- step
    started <- proc.time()[["elapsed"]]
    value <- force(expr)
    timings[[step]] <<- round(proc.time()[["elapsed"]] - started, 3)
    value
  }
  tryCatch(
    {
      job <- timed("read_inputs", read_job_inputs(run_dir))
      input_collect <- timed("robyn_inputs", build_input_collect(job, api))
      run <- timed("robyn_run", run_models(job, input_collect, api, cores, run_dir))
      output_collect <- if (run$fixed) run$output else timed("robyn_outputs", select_models(job, input_collect, run, api, run_dir))
      summary <- timed("write_outputs", write_job_outputs(job, input_collect, output_collect, api, run_dir, run_id))
      summary$timings <- timings
      write_text_atomic(to_json(summary), file.path(run_dir, "model_summary.json"))
      write_status(status_finished(state$status, "SUCCEEDED", now(), message = paste("best model", summary$best_model$model_id)), run_dir)
      invisible(summary)
    },
    error = function(e) {
      message <- one_line(conditionMessage(e))
      emit_error(state$step, message)
      write_status(status_finished(state$status, "FAILED", now(), failed_step = state$step, message = message), run_dir)
      stop(e)
    }
  )
}

#' The parsed inputs and what follows from them alone.
read_job_inputs <- function(run_dir) {
  read <- read_job_config(file.path(run_dir, "job_config.json"))
  config <- read$config
  data <- read_prepared_data(file.path(run_dir, "prepared_data.csv"))
  hyperparameters <- robyn_hyperparameters(config)
  trials <- as.integer(config$trials %||% 5L)
  list(
    raw = read$raw, config = config, data = data, hyperparameters = hyperparameters,
    fixed = all_hyperparameters_fixed(hyperparameters),
    calibration = calibration_frame(config, data, base_dir = run_dir),
    seed = robyn_seed(seed_digits(read$raw), trials),
    iterations = as.integer(config$iterations %||% 2000L), trials = trials,
    validation = uses_validation(config)
  )
}

#' robyn_inputs() for the job, with baseline columns bounded like Prophet terms.
build_input_collect <- function(job, api) {
  args <- robyn_input_args(job$config, job$data, holiday_table(job$config, api$holidays))
  args$hyperparameters <- job$hyperparameters
  args["calibration_input"] <- list(job$calibration)
  input_collect <- with_robyn_messages(do.call(api$inputs, args), "robyn_inputs")
  use_baseline_columns(input_collect, config_strings(job$config, "baseline_columns"))
}

#' robyn_run(): one model when every hyperparameter is fixed (Robyn then also runs robyn_outputs), else the search.
#' quiet stays FALSE: quiet = TRUE crashes Robyn 3.12.1 (its progress bar is closed without being opened).
run_models <- function(job, input_collect, api, cores, run_dir) {
  if (job$fixed) {
    seq_max <- if (is.null(api$lambda_seq)) NULL else {
      x <- input_collect$dt_mod[, setdiff(names(input_collect$dt_mod), c("ds", "dep_var")), drop = FALSE]
      max(api$lambda_seq(x = x, y = input_collect$dt_mod$dep_var, seq_len = 100, lambda_min_ratio = 1e-4))
    }
    lambda <- scaled_lambda(input_collect$dt_mod, job$hyperparameters$lambda, seq_max)
    emit_progress(0L, 1L)
    output <- with_robyn_messages(api$run(
      InputCollect = input_collect, dt_hyper_fixed = fixed_hyper_table(job$hyperparameters, lambda),
      ts_validation = job$validation, add_penalty_factor = FALSE, seed = job$seed, cores = 1L, quiet = FALSE,
      outputs = FALSE, export = FALSE, plot_pareto = FALSE, plot_folder = run_dir, csv_out = NULL
    ), "robyn_run")
    emit_progress(1L, 1L)
    return(list(fixed = TRUE, output = output, min_candidates = 1L, all_fronts = TRUE))
  }
  total <- job$iterations * job$trials
  emit_progress(0L, total)
  models <- with_robyn_messages(api$run(
    InputCollect = input_collect, iterations = job$iterations, trials = job$trials, cores = as.integer(cores),
    seed = job$seed, ts_validation = job$validation, add_penalty_factor = FALSE, nevergrad_algo = "TwoPointsDE",
    intercept = TRUE, intercept_sign = "non_negative", rssd_zero_penalty = TRUE, outputs = FALSE, quiet = FALSE
  ), "robyn_run", job$iterations, job$trials)
  emit_progress(total, total)
  list(fixed = FALSE, models = models)
}

#' robyn_outputs(): Pareto fronts ("auto", with a min_candidates Robyn accepts), clusters, no files (the CSVs are
#' written afterwards). When clustering fails (too few distinct models) the fronts are kept without clusters.
select_models <- function(job, input_collect, run, api, run_dir) {
  errors <- model_errors(run$models)
  constraint <- as.numeric(job$config$calibration_constraint %||% 0.1)
  eligible <- eligible_models(errors$nrmse, errors$decomp_rssd, errors$mape, constraint)
  choice <- pareto_min_candidates(eligible)
  if (choice$all_fronts) {
    emit_diagnostic("note", "few_pareto_models", sprintf(
      "only %d eligible models (fewer than 100); every Pareto front kept - run more iterations for a robust choice",
      eligible), "robyn_outputs")
  }
  call_outputs <- function(clusters) with_robyn_messages(api$outputs(
    InputCollect = input_collect, OutputModels = run$models, pareto_fronts = "auto",
    min_candidates = choice$min_candidates, calibration_constraint = constraint, clusters = clusters,
    plot_folder = run_dir, plot_pareto = FALSE, csv_out = NULL, export = FALSE, quiet = FALSE
  ), "robyn_outputs")
  output <- tryCatch(call_outputs(TRUE), error = function(e) {
    emit_diagnostic("warning", "robyn_clusters_failed", paste(
      "Robyn could not cluster the Pareto models; best model chosen among all of them:", one_line(conditionMessage(e))
    ), "robyn_outputs")
    call_outputs(FALSE)
  })
  output$mmm_min_candidates <- choice$min_candidates
  output$mmm_all_fronts <- choice$all_fronts
  output
}

#' Robyn's CSVs (every table, Robyn's own format) and its model file, then the summary object.
write_job_outputs <- function(job, input_collect, output_collect, api, run_dir, run_id) {
  output_collect$plot_folder <- paste0(normalizePath(run_dir), "/")
  api$csv(input_collect, output_collect, csv_out = "all", export = TRUE, calibrated = !is.null(job$calibration))
  cluster_models <- output_collect$clusters$models
  result <- list(
    all_hyp = output_collect$allPareto$resultHypParam,
    pareto_hyp = as.data.frame(output_collect$resultHypParam),
    x_decomp_agg = as.data.frame(output_collect$xDecompAgg),
    cluster_models = if (is.null(cluster_models)) NULL else as.data.frame(cluster_models),
    min_candidates = output_collect$mmm_min_candidates %||% 1L,
    all_fronts = output_collect$mmm_all_fronts %||% TRUE,
    fixed = job$fixed
  )
  summary <- build_model_summary(job$raw, job$config, run_id, api$version, result)
  tryCatch(
    api$write(input_collect, output_collect, select_model = summary$best_model$model_id, dir = run_dir, quiet = TRUE),
    error = function(e) {
      emit_diagnostic("warning", "robyn_write_failed", paste("RobynModel JSON not written:", one_line(conditionMessage(e))),
                      "write_outputs")
    }
  )
  summary
}
