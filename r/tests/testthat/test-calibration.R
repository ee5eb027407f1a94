test_that("no studies means no calibration input", {
  expect_null(calibration_frame(parity_config(), parity_data()))
  config <- parity_config()
  config$calibration_input <- list()
  expect_null(calibration_frame(config, parity_data()))
})

test_that("inline studies become Robyn's calibration_input with every column Robyn 3.12 requires", {
  config <- parity_config()
  config$calibration_input <- list(
    list(channel = "facebook_I", liftStartDate = "2018-05-01", liftEndDate = "2018-06-10", liftAbs = 400000),
    list(channel = "tv_S+search_clicks_P", liftStartDate = "2017-11-06", liftEndDate = "2017-11-26", liftAbs = 70000,
         spend = 12345, confidence = 0.85, metric = "revenue", calibration_scope = "total")
  )
  data <- parity_data()
  frame <- calibration_frame(config, data)
  expect_identical(names(frame), c("channel", "liftStartDate", "liftEndDate", "liftAbs", "spend", "confidence", "metric",
                                   "calibration_scope"))
  # Paid media vars are named by their spend column, as Robyn requires.
  expect_identical(frame$channel, c("facebook_S", "tv_S+search_S"))
  expect_identical(frame$liftStartDate, as.Date(c("2018-05-01", "2017-11-06")))
  rows <- data$DATE >= as.Date("2018-05-01") & data$DATE <= as.Date("2018-06-10")
  expect_equal(frame$spend[1], sum(data$facebook_S[rows]))
  expect_identical(sum(rows), 5L)
  expect_identical(frame$spend[2], 12345)
  expect_identical(frame$confidence, c(1, 0.85))
  expect_identical(frame$metric, c("revenue", "revenue"))
  expect_identical(frame$calibration_scope, c("immediate", "total"))
})

test_that("a CSV of studies is read relative to the run folder", {
  dir <- temp_run_dir()
  writeLines(c("channel,liftStartDate,liftEndDate,liftAbs", "newsletter,2017-01-02,2017-01-29,1000"),
             file.path(dir, "lift.csv"))
  config <- parity_config()
  config$calibration_input <- "lift.csv"
  frame <- calibration_frame(config, parity_data(), base_dir = dir)
  expect_identical(frame$channel, "newsletter")
  expect_identical(frame$liftAbs, 1000L)
  config$calibration_input <- "missing.csv"
  expect_error(calibration_frame(config, parity_data(), base_dir = dir), "does not exist")
})
