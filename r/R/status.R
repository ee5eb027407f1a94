# status.json, as the native engine writes it (schema/run_status.schema.json): RUNNING first, then SUCCEEDED or
# FAILED. Times are ISO 8601 UTC with whole seconds.

iso_time <- function(time) format(as.POSIXct(floor(as.numeric(time)), origin = "1970-01-01", tz = "UTC"),
                                  "%Y-%m-%dT%H:%M:%SZ", tz = "UTC")

#' A RUNNING status.
status_running <- function(run_id, started, robyn_version = NULL) {
  status <- list(
    schema_version = 1L, state = "RUNNING", run_id = run_id,
    started_at = iso_time(started), updated_at = iso_time(started)
  )
  if (!is.null(robyn_version)) status$engine <- list(name = "robyn", version = robyn_version)
  status
}

#' The status moved to SUCCEEDED or FAILED at `time`.
status_finished <- function(status, state, time, failed_step = NULL, message = NULL) {
  started <- as.numeric(as.POSIXct(status$started_at, format = "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"))
  status$state <- state
  status$updated_at <- iso_time(time)
  status$finished_at <- iso_time(time)
  status$duration_seconds <- round(max(0, as.numeric(time) - started), 3)
  if (!is.null(failed_step)) status$failed_step <- failed_step
  if (!is.null(message)) status$message <- one_line(message)
  status
}

#' A message on one line (status messages and protocol lines are single lines).
one_line <- function(text) gsub("[[:space:]]+", " ", trimws(paste(text, collapse = " ")))

#' Writes status.json into the run folder.
write_status <- function(status, run_dir) write_text_atomic(to_json(status), file.path(run_dir, "status.json"))
