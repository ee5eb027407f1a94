test_that("resolved bounds become Robyn's hyperparameters list", {
  config <- search_config()
  hyper <- robyn_hyperparameters(config)
  media <- c("tv_S", "ooh_S", "print_S", "facebook_I", "search_clicks_P", "newsletter")
  expected_names <- c(as.vector(t(outer(media, c("_alphas", "_gammas", "_thetas"), paste0))), "lambda", "train_size")
  expect_setequal(names(hyper), expected_names)
  expect_identical(hyper$tv_S_alphas, c(0.5, 3))
  expect_identical(hyper$newsletter_thetas, c(0.1, 0.4))
  expect_identical(hyper$lambda, c(0, 1))
  expect_identical(hyper$train_size, c(0.5, 0.8))
  expect_false(all_hyperparameters_fixed(hyper))
})

test_that("fixed values are single numbers; lambda defaults to [0, 1]; no train_size without validation", {
  config <- parity_config()
  hyper <- robyn_hyperparameters(config)
  expect_identical(hyper$tv_S_thetas, 0.55)
  expect_identical(hyper$lambda, 0.05)
  expect_identical(hyper$train_size, 0.7)
  expect_true(all_hyperparameters_fixed(hyper))
  config$custom_hyperparameters$lambda <- NULL
  config$train_size <- 1
  hyper <- robyn_hyperparameters(config)
  expect_identical(hyper$lambda, c(0, 1))
  expect_null(hyper$train_size)
  expect_false(all_hyperparameters_fixed(hyper))
})

test_that("weibull adstocks use shapes and scales", {
  config <- parity_config()
  config$adstock <- "weibull_pdf"
  for (v in modelled_variables(config)) {
    config$custom_hyperparameters[[paste0(v, "_thetas")]] <- NULL
    config$custom_hyperparameters[[paste0(v, "_shapes")]] <- list(0.5, 2.5)
    config$custom_hyperparameters[[paste0(v, "_scales")]] <- list(0.001, 0.15)
  }
  hyper <- robyn_hyperparameters(config)
  expect_identical(hyper$tv_S_shapes, c(0.5, 2.5))
  expect_false(any(grepl("thetas", names(hyper))))
})

test_that("a bound missing from the resolved table is an error naming it and the writer", {
  config <- parity_config()
  config$custom_hyperparameters$ooh_S_gammas <- NULL
  expect_error(robyn_hyperparameters(config), "lacks ooh_S_gammas.*--backend robyn")
  config <- parity_config()
  config$custom_hyperparameters$ooh_S_gammas <- list(0.9, 0.2)
  expect_error(robyn_hyperparameters(config), "ooh_S_gammas must be \\[low, high\\]")
})

test_that("a fixed model's table carries every hyperparameter with lambda already scaled", {
  hyper <- robyn_hyperparameters(parity_config())
  table <- fixed_hyper_table(hyper, lambda_scaled = 3280275.2162422)
  expect_identical(nrow(table), 1L)
  expect_setequal(names(table), names(hyper))
  expect_identical(table$lambda, 3280275.2162422)
  expect_identical(table$train_size, 0.7)
  no_split <- hyper
  no_split$train_size <- NULL
  expect_identical(fixed_hyper_table(no_split, 1)$train_size, 1)
})

test_that("lambda is scaled exactly as Robyn does (shared Robyn vectors)", {
  expected <- jsonlite::fromJSON(fixture("parity_expected.json"))
  data <- parity_data()
  dt_mod <- data.frame(ds = data$DATE, dep_var = data$revenue, data[, c(
    "trend", "season", "holiday", "competitor_sales_B", "events", "tv_S", "ooh_S", "print_S", "facebook_I",
    "search_clicks_P", "newsletter"
  )], check.names = FALSE)
  seq_max <- lambda_seq_max(dt_mod[, -(1:2)], dt_mod$dep_var)
  expect_equal(seq_max, expected$lambda_seq_max, tolerance = 1e-12)
  expect_equal(scaled_lambda(dt_mod, expected$lambda_hp), expected$lambda, tolerance = 1e-12)
  # seq_max 10: lambda_max 1, lambda_min 1e-4.
  expect_equal(scaled_lambda(dt_mod, 0.05, seq_max = 10), 1e-4 + (1 - 1e-4) * 0.05)
  # A constant column contributes 0 instead of NaN.
  dt_mod$constant <- 5
  expect_equal(lambda_seq_max(dt_mod[, -(1:2)], dt_mod$dep_var), expected$lambda_seq_max, tolerance = 1e-12)
})

test_that("the seed is an R integer; 64-bit seeds are reduced exactly", {
  expect_identical(robyn_seed("123", 5L), 123L)
  expect_type(robyn_seed("0", 1L), "integer")
  expect_identical(robyn_seed("2147483642", 5L), 2147483642L)
  # Oracles from Python's big integers: (2**64 - 1) % 2147483643 == 99, (2**53 + 1) % 2147483643 == 20971521.
  expect_identical(robyn_seed("18446744073709551615", 5L), 99L)
  expect_identical(robyn_seed("9007199254740993", 5L), 20971521L)
  expect_identical(robyn_seed("18446744073709551615", 1L), 3L)
  expect_error(robyn_seed("-1"), "non-negative integer")
  expect_identical(seed_digits('{"iterations": 5, "seed" : 18446744073709551615}'), "18446744073709551615")
  expect_identical(seed_digits('{"iterations": 5}'), "123")
})
