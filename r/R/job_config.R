# Reading the two input files of a run folder: job_config.json (the canonical JobConfig, with the hyperparameter
# bounds, baseline terms and window already resolved by mmm-trainer) and prepared_data.csv (the prepared table; its
# first column is the date). Nothing here prepares data: rows and columns are used as they are.

`%||%` <- function(a, b) if (is.null(a) || length(a) == 0) b else a

#' Reads job_config.json.
#' @return list(raw = the file's text, config = the parsed object with arrays as lists).
read_job_config <- function(path) {
  if (!file.exists(path)) stop(sprintf("%s is missing", path))
  raw <- paste(readLines(path, warn = FALSE, encoding = "UTF-8"), collapse = "\n")
  config <- jsonlite::fromJSON(raw, simplifyVector = FALSE)
  if (!is.list(config) || is.null(names(config))) stop(sprintf("%s is not a JSON object", path))
  for (key in c("dep_var", "paid_media", "custom_hyperparameters")) {
    if (is.null(config[[key]])) stop(sprintf("%s: '%s' is missing", path, key))
  }
  list(raw = raw, config = config)
}

#' A list-of-strings config field as a character vector (empty when absent).
config_strings <- function(config, key) as.character(unlist(config[[key]] %||% list()))

#' Reads prepared_data.csv: the first column is the date (YYYY-MM-DD); other columns keep their names exactly.
read_prepared_data <- function(path) {
  if (!file.exists(path)) stop(sprintf("%s is missing", path))
  header <- names(utils::read.csv(path, nrows = 1, check.names = FALSE, encoding = "UTF-8"))
  data <- utils::read.csv(
    path, check.names = FALSE, stringsAsFactors = FALSE, na.strings = "",
    colClasses = c("character", rep(NA, length(header) - 1)), encoding = "UTF-8"
  )
  if (ncol(data) < 2 || nrow(data) < 2) stop(sprintf("%s has too few rows or columns", path))
  dates <- as.Date(data[[1]], format = "%Y-%m-%d")
  if (anyNA(dates)) stop(sprintf("%s: the first column must hold YYYY-MM-DD dates", path))
  data[[1]] <- dates
  data
}

#' The seed as an R integer (robyn-semantics §5.4: Robyn seeds numpy only for an integer, and adds the trial number).
#' Seeds above .Machine$integer.max − trials are reduced modulo (2^31 − 1 − trials), from the decimal digits so that
#' 64-bit seeds are exact.
#' @param seed_text the seed's decimal digits as written in job_config.json.
robyn_seed <- function(seed_text, trials = 1L) {
  digits <- as.character(seed_text)
  if (!grepl("^[0-9]+$", digits)) stop(sprintf("seed '%s' is not a non-negative integer", digits))
  limit <- .Machine$integer.max - as.integer(trials)
  value <- suppressWarnings(as.numeric(digits))
  if (value <= limit) return(as.integer(value))
  modulus <- limit + 1
  remainder <- 0
  for (d in strsplit(digits, "")[[1]]) remainder <- (remainder * 10 + as.integer(d)) %% modulus
  as.integer(remainder)
}

#' The seed's digits as written in the raw config (numbers above 2^53 lose digits when parsed as doubles).
seed_digits <- function(raw_config) {
  found <- regmatches(raw_config, regexec("\"seed\"[[:space:]]*:[[:space:]]*([0-9]+)", raw_config))[[1]]
  if (length(found) == 2) found[2] else "123"
}
