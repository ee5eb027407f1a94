# JobConfig → the arguments of Robyn's robyn_inputs().

#' The arguments of robyn_inputs() (without hyperparameters and calibration) for a job.
#'
#' Baseline terms (`baseline_vars`: trend, season, holiday, weekday, monthly) are Robyn's `prophet_vars`.
#' Baseline columns (`baseline_columns`: given series, e.g. a decomposition computed elsewhere) enter as the first
#' context variables and are moved next to the Prophet terms afterwards (see use_baseline_columns), so Robyn bounds
#' their coefficients to [0, 1] exactly as the native engine does.
#' @param config the parsed job config.
#' @param data the prepared table (first column: the date).
#' @param holidays a holiday table (ds, holiday, country, year), or NULL for none (used with baseline terms only).
robyn_input_args <- function(config, data, holidays) {
  pairs <- config$paid_media
  spends <- vapply(pairs, function(p) as.character(p$spend), character(1))
  vars <- vapply(pairs, function(p) as.character(p$var %||% p$spend), character(1))
  baseline_terms <- config_strings(config, "baseline_vars")
  baseline_columns <- config_strings(config, "baseline_columns")
  context <- c(baseline_columns, config_strings(config, "context_vars"))
  country <- config$holidays_country %||% config$country
  dates <- data[[1]]
  list(
    dt_input = data,
    dt_holidays = if (length(baseline_terms) > 0) holidays else NULL,
    date_var = names(data)[1],
    dep_var = as.character(config$dep_var),
    dep_var_type = as.character(config$dep_var_type %||% "revenue"),
    prophet_vars = if (length(baseline_terms) > 0) baseline_terms else NULL,
    # Robyn 3.12 warns about a country without the holiday term; only "holiday" needs one.
    prophet_country = if ("holiday" %in% baseline_terms && !is.null(country)) toupper(as.character(country)) else NULL,
    context_vars = if (length(context) > 0) context else NULL,
    paid_media_spends = spends,
    paid_media_vars = vars,
    organic_vars = nullable(config_strings(config, "organic_vars")),
    factor_vars = nullable(config_strings(config, "factor_vars")),
    window_start = as.character(config$start_date %||% format(min(dates))),
    window_end = as.character(config$end_date %||% format(max(dates))),
    adstock = as.character(config$adstock %||% "geometric")
  )
}

nullable <- function(x) if (length(x) == 0) NULL else x

#' Whether the job splits the window into train, validation and test (a train_size below 1 is possible).
uses_validation <- function(config) min(unlist(config$train_size %||% list(0.5, 0.8))) < 1

#' Moves baseline columns from Robyn's context variables to its Prophet variables in an InputCollect.
#'
#' Robyn bounds the first length(prophet_signs) coefficients to [0, 1] (a `trend` summing negative over the training
#' rows to [−1, 0]); dt_mod already has the columns right after the Prophet terms because they were listed first
#' among the context variables, so only the name and sign vectors change.
use_baseline_columns <- function(input_collect, baseline_columns) {
  if (length(baseline_columns) == 0) return(input_collect)
  keep <- !(input_collect$context_vars %in% baseline_columns)
  input_collect$prophet_vars <- c(input_collect$prophet_vars, baseline_columns)
  input_collect$prophet_signs <- c(input_collect$prophet_signs, rep("default", length(baseline_columns)))
  input_collect$context_signs <- input_collect$context_signs[keep]
  input_collect$context_vars <- input_collect$context_vars[keep]
  if (length(input_collect$context_vars) == 0) {
    input_collect["context_vars"] <- list(NULL)
    input_collect["context_signs"] <- list(NULL)
  }
  input_collect
}

#' The holiday table: the config's holidays_path (a CSV like Robyn's dt_prophet_holidays), else Robyn's own.
holiday_table <- function(config, builtin) {
  path <- config$holidays_path
  if (is.null(path)) return(builtin)
  if (!file.exists(path)) stop(sprintf("holidays_path %s does not exist", path))
  table <- utils::read.csv(path, stringsAsFactors = FALSE)
  missing <- setdiff(c("ds", "holiday", "country", "year"), names(table))
  if (length(missing) > 0) stop(sprintf("%s lacks the columns %s", path, paste(missing, collapse = ", ")))
  table$ds <- as.Date(table$ds)
  table
}
