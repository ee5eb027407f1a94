test_that("the job config maps onto robyn_inputs() arguments", {
  config <- parity_config()
  config$country <- "de"
  config$baseline_vars <- list("trend", "holiday")
  config$baseline_columns <- list("season")
  config$factor_vars <- list("events")
  data <- parity_data()
  args <- robyn_input_args(config, data, holidays = data.frame(ds = as.Date("2016-01-01"), holiday = "x", country = "DE", year = 2016))
  expect_identical(args$date_var, "DATE")
  expect_identical(args$dep_var, "revenue")
  expect_identical(args$dep_var_type, "revenue")
  expect_identical(args$paid_media_spends, c("tv_S", "ooh_S", "print_S", "facebook_S", "search_S"))
  expect_identical(args$paid_media_vars, c("tv_S", "ooh_S", "print_S", "facebook_I", "search_clicks_P"))
  expect_identical(args$organic_vars, "newsletter")
  expect_identical(args$prophet_vars, c("trend", "holiday"))
  expect_identical(args$prophet_country, "DE")
  expect_identical(args$dt_holidays$country, "DE")
  # Baseline columns lead the context variables (moved to the Prophet position after robyn_inputs).
  expect_identical(args$context_vars, c("season", "competitor_sales_B", "events"))
  # Without the holiday term Robyn gets no country (3.12 warns about one).
  config$baseline_vars <- list("trend")
  expect_null(robyn_input_args(config, data, holidays = NULL)$prophet_country)
  expect_identical(args$factor_vars, "events")
  expect_identical(args$window_start, "2016-01-04")
  expect_identical(args$window_end, "2018-12-31")
  expect_identical(args$adstock, "geometric")
  expect_s3_class(args$dt_input[[1]], "Date")
})

test_that("empty lists become NULL and the window defaults to the data's range", {
  config <- parity_config()
  config$baseline_vars <- list()
  config$baseline_columns <- list()
  config$organic_vars <- list()
  config$context_vars <- list()
  config$start_date <- NULL
  config$end_date <- NULL
  args <- robyn_input_args(config, parity_data(), holidays = NULL)
  expect_null(args$prophet_vars)
  expect_null(args$context_vars)
  expect_null(args$organic_vars)
  expect_null(args$factor_vars)
  expect_null(args$prophet_country)
  expect_null(args$dt_holidays)
  expect_identical(args$window_start, "2015-11-23")
  expect_identical(args$window_end, "2019-11-11")
})

test_that("baseline columns move to Robyn's Prophet variables with [0, 1]-bounded signs", {
  collect <- list(
    prophet_vars = "trend", prophet_signs = "default",
    context_vars = c("season", "holiday", "competitor_sales_B"), context_signs = c("default", "default", "positive")
  )
  moved <- use_baseline_columns(collect, c("season", "holiday"))
  expect_identical(moved$prophet_vars, c("trend", "season", "holiday"))
  expect_identical(moved$prophet_signs, rep("default", 3))
  expect_identical(moved$context_vars, "competitor_sales_B")
  expect_identical(moved$context_signs, "positive")
  only <- use_baseline_columns(list(prophet_vars = NULL, prophet_signs = NULL, context_vars = "x", context_signs = "default"), "x")
  expect_identical(only$prophet_vars, "x")
  expect_null(only$context_vars)
  expect_true("context_vars" %in% names(only))
  expect_identical(use_baseline_columns(collect, character(0)), collect)
})

test_that("validation follows train_size", {
  config <- parity_config()
  expect_true(uses_validation(config))
  config$train_size <- 1
  expect_false(uses_validation(config))
  config$train_size <- list(0.5, 0.8)
  expect_true(uses_validation(config))
})

test_that("a holidays_path replaces Robyn's table; a missing one is an error", {
  dir <- temp_run_dir()
  path <- file.path(dir, "h.csv")
  writeLines(c("ds,holiday,country,year", "2016-12-25,Christmas,DE,2016"), path)
  table <- holiday_table(list(holidays_path = path), builtin = "builtin")
  expect_identical(table$ds, as.Date("2016-12-25"))
  expect_identical(holiday_table(list(), builtin = "builtin"), "builtin")
  expect_error(holiday_table(list(holidays_path = file.path(dir, "none.csv")), "builtin"), "does not exist")
  writeLines(c("ds,name", "2016-12-25,x"), path)
  expect_error(holiday_table(list(holidays_path = path), "builtin"), "holiday, country, year")
})

test_that("the prepared table is read as it is, dates first", {
  data <- parity_data()
  expect_identical(nrow(data), 208L)
  expect_identical(names(data)[1:3], c("DATE", "revenue", "trend"))
  expect_true(is.numeric(data$revenue))
  dir <- temp_run_dir()
  bad <- file.path(dir, "p.csv")
  writeLines(c("DATE,y", "23/11/2015,1", "30/11/2015,2"), bad)
  expect_error(read_prepared_data(bad), "YYYY-MM-DD")
  text <- file.path(dir, "t.csv")
  writeLines(c("DATE,y,f", "2015-11-23,1,NA", "2015-11-30,2,na"), text)
  expect_identical(read_prepared_data(text)$f, c("NA", "na"))
})

test_that("the config is read with its raw text, and required keys are checked", {
  read <- read_job_config(fixture("parity_config.json"))
  expect_identical(read$config$dep_var, "revenue")
  expect_true(grepl("\"custom_hyperparameters\"", read$raw))
  dir <- temp_run_dir()
  writeLines('{"dep_var": "y"}', file.path(dir, "c.json"))
  expect_error(read_job_config(file.path(dir, "c.json")), "'paid_media' is missing")
  expect_error(read_job_config(file.path(dir, "none.json")), "is missing")
})
