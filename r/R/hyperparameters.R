# Hyperparameter bounds: the resolved table mmm-trainer writes into custom_hyperparameters (every
# `<variable>_<kind>` as [low, high], plus `lambda`), turned into Robyn's `hyperparameters` list. No preset logic
# lives in R: the bounds are exactly those the native engine searches.

#' The hyperparameter kinds of an adstock, in Robyn's names.
hyper_kinds <- function(adstock) {
  if (identical(adstock, "geometric")) c("alphas", "gammas", "thetas") else c("alphas", "gammas", "shapes", "scales")
}

#' The modelled variables: paid media vars (exposure or spend), then organic vars.
modelled_variables <- function(config) {
  vars <- vapply(config$paid_media, function(p) as.character(p$var %||% p$spend), character(1))
  c(vars, config_strings(config, "organic_vars"))
}

#' A bound as Robyn takes it: c(low, high), or one number when fixed.
robyn_bound <- function(bound, name) {
  values <- as.numeric(unlist(bound))
  if (length(values) == 1) values <- c(values, values)
  if (length(values) != 2 || anyNA(values) || values[1] > values[2]) {
    stop(sprintf("custom_hyperparameters.%s must be [low, high] with low <= high", name))
  }
  if (values[1] == values[2]) values[1] else values
}

#' Robyn's `hyperparameters` list for a job: every `<var>_<kind>`, `lambda`, and `train_size` when the window is split.
robyn_hyperparameters <- function(config) {
  custom <- config$custom_hyperparameters
  adstock <- as.character(config$adstock %||% "geometric")
  result <- list()
  for (variable in modelled_variables(config)) {
    for (kind in hyper_kinds(adstock)) {
      key <- paste0(variable, "_", kind)
      if (is.null(custom[[key]])) {
        stop(sprintf(
          "custom_hyperparameters lacks %s: run_all.R reads the resolved bounds that mmm-trainer writes (mmm-cli train --backend robyn)",
          key
        ))
      }
      result[[key]] <- robyn_bound(custom[[key]], key)
    }
  }
  result[["lambda"]] <- robyn_bound(custom[["lambda"]] %||% list(0, 1), "lambda")
  if (uses_validation(config)) result[["train_size"]] <- robyn_bound(config$train_size, "train_size")
  result
}

#' Whether every hyperparameter is a single value (then Robyn fits exactly one model).
all_hyperparameters_fixed <- function(hyperparameters) all(vapply(hyperparameters, length, integer(1)) == 1)

#' Robyn's `dt_hyper_fixed` for an all-fixed job: one row with every hyperparameter. Robyn uses `lambda` in that table
#' as the already-scaled penalty, so the normalised lambda of the config is scaled here (see scaled_lambda).
fixed_hyper_table <- function(hyperparameters, lambda_scaled) {
  row <- hyperparameters
  row[["lambda"]] <- lambda_scaled
  if (is.null(row[["train_size"]])) row[["train_size"]] <- 1
  as.data.frame(row, check.names = FALSE, stringsAsFactors = FALSE)
}
