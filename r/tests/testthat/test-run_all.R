run_script <- function(args, env = character(0)) {
  out <- suppressWarnings(system2(file.path(R.home("bin"), "Rscript"), c(shQuote(file.path(r_dir, "run_all.R")), args),
                                  stdout = TRUE, stderr = TRUE, env = env))
  list(status = attr(out, "status") %||% 0L, lines = out)
}

test_that("run_all.R checks its arguments", {
  run <- run_script(character(0))
  expect_identical(run$status, 2L)
  expect_match(paste(run$lines, collapse = "\n"), "usage: Rscript run_all.R RUN_DIR")
})

test_that("the probe reports R and Robyn, or exits 3 naming the install step when Robyn is missing", {
  run <- run_script("--probe", env = "MMM_R_CORES=3")
  events <- lapply(sub("^@mmm ", "", grep("^@mmm ", run$lines, value = TRUE)), jsonlite::fromJSON)
  expect_length(events, 1L)
  if (robyn_available()) {
    expect_identical(run$status, 0L)
    expect_identical(events[[1]]$event, "probe")
    expect_identical(events[[1]]$robyn_version, as.character(utils::packageVersion("Robyn")))
    expect_identical(events[[1]]$cores, 3L)
  } else {
    expect_identical(run$status, 3L)
    expect_identical(events[[1]]$code, "robyn_missing")
    expect_match(events[[1]]$message, "Robyn is not installed.*r/README.md")
  }
})

test_that("a run folder without Robyn ends with exit 3 before touching the folder", {
  if (robyn_available()) skip("Robyn is installed; test-parity.R runs real jobs")
  dir <- write_run_inputs(temp_run_dir(), search_config())
  run <- run_script(shQuote(dir))
  expect_identical(run$status, 3L)
  expect_false(file.exists(file.path(dir, "status.json")))
})
