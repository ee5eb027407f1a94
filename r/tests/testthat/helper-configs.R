# Job configs as mmm-trainer's Robyn backend writes them (resolved bounds), built from the parity fixture.

parity_config <- function() read_job_config(fixture("parity_config.json"))$config

#' The parity job with search ranges instead of fixed values (the demo's recommended bounds).
search_config <- function(iterations = 40L, trials = 2L) {
  config <- parity_config()
  for (key in names(config$custom_hyperparameters)) {
    kind <- sub(".*_", "", key)
    config$custom_hyperparameters[[key]] <- switch(kind,
      alphas = list(0.5, 3), gammas = list(0.3, 1), thetas = list(0.1, 0.4), lambda = list(0, 1))
  }
  config$train_size <- list(0.5, 0.8)
  config$iterations <- iterations
  config$trials <- trials
  config
}

parity_data <- function() read_prepared_data(fixture("parity_data.csv"))

#' Writes a run folder's two inputs.
write_run_inputs <- function(run_dir, config, data_path = fixture("parity_data.csv")) {
  write_text_atomic(to_json(config), file.path(run_dir, "job_config.json"))
  file.copy(data_path, file.path(run_dir, "prepared_data.csv"))
  run_dir
}
