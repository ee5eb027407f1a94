# The line protocol between run_all.R and its caller (the Swift RobynBackend).
#
# Every structured line goes to standard output as `@mmm <one-line JSON object>`; the caller turns them into
# progress and diagnostics. Anything else R or Robyn prints is relayed as plain text.

#' Formats one protocol line.
protocol_line <- function(fields) paste0("@mmm ", to_json(fields))

#' Prints one protocol line and flushes, so the caller sees it at once.
emit <- function(fields) {
  cat(protocol_line(fields), "\n", sep = "")
  flush(stdout())
  invisible(NULL)
}

#' Reports search progress: `done` of `total` candidate models.
emit_progress <- function(done, total) emit(list(event = "progress", done = as.integer(done), total = as.integer(total)))

#' Reports a diagnostic (severity info, note or warning) attributed to a step.
emit_diagnostic <- function(severity, code, message, step = NULL) {
  fields <- list(event = "diagnostic", severity = severity, code = code, message = message)
  if (!is.null(step)) fields$step <- step
  emit(fields)
}

#' Reports the failure that ends the run.
emit_error <- function(step, message, code = "robyn_failed") {
  emit(list(event = "error", step = step, code = code, message = message))
}

#' Robyn prints "Running trial k of n" before each trial; the progress it implies (models done before trial k).
#' @return list(done, total), or NULL when the message is something else.
trial_progress <- function(message, iterations, trials) {
  found <- regmatches(message, regexec("Running trial ([0-9]+) of ([0-9]+)", message))[[1]]
  if (length(found) != 3) return(NULL)
  k <- as.integer(found[2])
  list(done = (k - 1L) * as.integer(iterations), total = as.integer(iterations) * as.integer(trials))
}

#' Calls `expr` relaying Robyn's messages: trial starts become progress lines, every message is passed on as an info
#' diagnostic (and not printed twice).
with_robyn_messages <- function(expr, step, iterations = 1L, trials = 1L) {
  withCallingHandlers(
    expr,
    message = function(m) {
      text <- trimws(conditionMessage(m))
      if (nzchar(text)) {
        progress <- trial_progress(text, iterations, trials)
        if (!is.null(progress)) emit_progress(progress$done, progress$total)
        emit_diagnostic("info", "robyn_message", text, step)
      }
      invokeRestart("muffleMessage")
    },
    warning = function(w) {
      emit_diagnostic("warning", "robyn_warning", trimws(conditionMessage(w)), step)
      invokeRestart("muffleWarning")
    }
  )
}
