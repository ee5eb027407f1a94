# Lift studies (the job config's calibration_input) → Robyn's calibration_input data frame.
#
# The config holds the studies inline (Robyn's column names) or a CSV path. Robyn 3.12 requires every column and
# names channels by spend column (or organic var), so: a paid media var is renamed to its spend column, a missing
# spend is the data's spend over the study's dates, confidence defaults to 1, metric to dep_var and
# calibration_scope to "immediate".

#' Robyn's calibration_input for a job, or NULL when it has no studies.
#' @param config the parsed job config.
#' @param data the prepared table (first column: the date).
#' @param base_dir where a relative CSV path is resolved.
calibration_frame <- function(config, data, base_dir = ".") {
  input <- config$calibration_input
  if (is.null(input) || length(input) == 0) return(NULL)
  studies <- if (is.character(input)) {
    path <- if (grepl("^/", input)) input else file.path(base_dir, input)
    if (!file.exists(path)) stop(sprintf("calibration_input %s does not exist", path))
    utils::read.csv(path, stringsAsFactors = FALSE, check.names = FALSE)
  } else {
    do.call(rbind, lapply(input, function(s) {
      data.frame(
        channel = as.character(s$channel), liftStartDate = as.character(s$liftStartDate),
        liftEndDate = as.character(s$liftEndDate), liftAbs = as.numeric(s$liftAbs),
        spend = as.numeric(s$spend %||% NA), confidence = as.numeric(s$confidence %||% NA),
        metric = as.character(s$metric %||% NA), calibration_scope = as.character(s$calibration_scope %||% NA),
        stringsAsFactors = FALSE
      )
    }))
  }
  if (nrow(studies) == 0) return(NULL)
  for (column in c("spend", "confidence", "metric", "calibration_scope")) {
    if (is.null(studies[[column]])) studies[[column]] <- NA
  }
  spend_of <- stats::setNames(
    vapply(config$paid_media, function(p) as.character(p$spend), character(1)),
    vapply(config$paid_media, function(p) as.character(p$var %||% p$spend), character(1))
  )
  studies$channel <- vapply(studies$channel, function(channel) {
    parts <- trimws(strsplit(channel, "+", fixed = TRUE)[[1]])
    paste(ifelse(parts %in% names(spend_of), spend_of[parts], parts), collapse = "+")
  }, character(1), USE.NAMES = FALSE)
  studies$liftStartDate <- as.Date(studies$liftStartDate)
  studies$liftEndDate <- as.Date(studies$liftEndDate)
  dates <- data[[1]]
  for (i in seq_len(nrow(studies))) {
    if (is.na(studies$spend[i])) {
      rows <- dates >= studies$liftStartDate[i] & dates <= studies$liftEndDate[i]
      channels <- strsplit(studies$channel[i], "+", fixed = TRUE)[[1]]
      studies$spend[i] <- sum(vapply(channels, function(ch) {
        if (ch %in% names(data)) sum(as.numeric(data[[ch]][rows])) else 0
      }, numeric(1)))
    }
  }
  studies$confidence[is.na(studies$confidence)] <- 1
  studies$metric[is.na(studies$metric)] <- as.character(config$dep_var)
  studies$calibration_scope[is.na(studies$calibration_scope)] <- "immediate"
  studies[, c("channel", "liftStartDate", "liftEndDate", "liftAbs", "spend", "confidence", "metric",
              "calibration_scope")]
}
