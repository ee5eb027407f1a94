# The Robyn functions run_all.R calls, gathered in one list so the job can run against a stand-in (the tests build
# one from Robyn's documented result fields) as well as the installed package.

#' Whether the Robyn package can be loaded.
robyn_available <- function() suppressWarnings(requireNamespace("Robyn", quietly = TRUE))

#' The installed Robyn's functions (Robyn 3.12.x API).
robyn_api <- function() {
  ns <- asNamespace("Robyn")
  list(
    version = as.character(utils::packageVersion("Robyn")),
    inputs = get("robyn_inputs", envir = ns),
    run = get("robyn_run", envir = ns),
    outputs = get("robyn_outputs", envir = ns),
    csv = get("robyn_csv", envir = ns),
    write = get("robyn_write", envir = ns),
    holidays = getExportedValue("Robyn", "dt_prophet_holidays"),
    # Internal; used to scale a fixed lambda exactly as Robyn does (lambda.R has the same formula as a fallback).
    lambda_seq = get0("lambda_seq", envir = ns, inherits = FALSE)
  )
}

#' How to install Robyn, for the error when it is missing.
robyn_install_hint <- function() {
  paste(
    "the R package Robyn is not installed for", file.path(R.home("bin"), "Rscript"), "-",
    "install it (r/README.md: Debian's r-cran-* packages for its dependencies, then",
    "install.packages(\"Robyn\") or remotes::install_github(\"facebookexperimental/Robyn/R\"),",
    "and nevergrad for reticulate)"
  )
}
