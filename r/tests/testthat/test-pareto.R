test_that("eligibility uses R's type-7 quantiles of all models", {
  nrmse <- c(1:10) / 10
  rssd <- c(10:1) / 10
  mape <- rep(0, 10)
  # quantile(0.1..1, 0.9) = 0.91: nrmse drops model 10 and rssd drops model 1.
  expect_identical(eligible_models(nrmse, rssd, mape), 8L)
  # An 11th model with NA NRMSE and Inf RSSD is never eligible, and moves the RSSD quantile to 1.0 (model 1 returns).
  expect_identical(eligible_models(c(nrmse, NA), c(rssd, Inf), c(mape, 0)), 9L)
  # Calibrated: only MAPEs at or below their 10 % quantile.
  expect_identical(eligible_models(nrmse, rssd, c(0.5, 0.1, rep(0.9, 8))), 1L)
})

test_that("min_candidates stays below the eligible count so Robyn keeps every front", {
  expect_identical(pareto_min_candidates(250L), list(min_candidates = 100L, all_fronts = FALSE))
  expect_identical(pareto_min_candidates(101L), list(min_candidates = 100L, all_fronts = FALSE))
  expect_identical(pareto_min_candidates(100L), list(min_candidates = 99L, all_fronts = TRUE))
  expect_identical(pareto_min_candidates(1L), list(min_candidates = 0L, all_fronts = TRUE))
})

test_that("every trial's errors are gathered from OutputModels", {
  models <- list(
    trial1 = list(resultCollect = list(resultHypParam = data.frame(nrmse = c(0.1, 0.2), decomp.rssd = c(1, 2), mape = 0))),
    trial2 = list(resultCollect = list(resultHypParam = data.frame(nrmse = 0.3, decomp.rssd = 3, mape = 0))),
    cores = 2L, iterations = 2L
  )
  errors <- model_errors(models)
  expect_identical(errors$nrmse, c(0.1, 0.2, 0.3))
  expect_identical(errors$decomp_rssd, c(1, 2, 3))
})
