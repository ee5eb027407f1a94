# Cores, decided before any package loads (reference-system §4.2, "the parallelly lesson"): parallelly and future
# read their core limits from the environment when they load, so the limits must be set first.
# Base R only in this file.

#' The number of cores to use: MMM_R_CORES (set by the Swift backend from --threads), else R_MAX_CORES, else all
#' cores but one (Robyn's default), never less than 1.
resolve_cores <- function(env = Sys.getenv(c("MMM_R_CORES", "R_MAX_CORES"), unset = ""),
                          detected = parallel::detectCores()) {
  for (value in env) {
    if (nzchar(value)) {
      n <- suppressWarnings(as.integer(value))
      if (is.na(n) || n < 1) stop(sprintf("core count '%s' is not a positive integer", value))
      return(n)
    }
  }
  if (is.na(detected)) return(1L)
  max(1L, as.integer(detected) - 1L)
}

#' The environment that pins every parallel back end to `cores`; applied with Sys.setenv before packages load.
core_environment <- function(cores) {
  value <- as.character(cores)
  c(
    R_PARALLELLY_AVAILABLECORES_SYSTEM = value,
    R_PARALLELLY_AVAILABLECORES_FALLBACK = value,
    R_FUTURE_AVAILABLECORES_SYSTEM = value,
    MC_CORES = value,
    `_R_CHECK_LIMIT_CORES_` = "FALSE",
    # One BLAS/OpenMP thread per worker: the workers are the parallelism.
    OMP_NUM_THREADS = "1",
    OPENBLAS_NUM_THREADS = "1"
  )
}
