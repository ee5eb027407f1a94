test_that("cores come from MMM_R_CORES, then R_MAX_CORES, then all cores but one", {
  expect_identical(resolve_cores(c("3", "8"), detected = 16), 3L)
  expect_identical(resolve_cores(c("", "8"), detected = 16), 8L)
  expect_identical(resolve_cores(c("", ""), detected = 16), 15L)
  expect_identical(resolve_cores(c("", ""), detected = 1), 1L)
  expect_identical(resolve_cores(c("", ""), detected = NA), 1L)
  expect_error(resolve_cores(c("zero", ""), detected = 4), "not a positive integer")
  expect_error(resolve_cores(c("0", ""), detected = 4), "not a positive integer")
})

test_that("the core environment pins parallelly, future and the BLAS", {
  env <- core_environment(4L)
  expect_identical(unname(env[["R_PARALLELLY_AVAILABLECORES_SYSTEM"]]), "4")
  expect_identical(unname(env[["R_PARALLELLY_AVAILABLECORES_FALLBACK"]]), "4")
  expect_identical(unname(env[["MC_CORES"]]), "4")
  expect_identical(unname(env[["OPENBLAS_NUM_THREADS"]]), "1")
})

test_that("run_all.R sets the cores before it loads any package", {
  lines <- readLines(file.path(r_dir, "run_all.R"))
  code <- lines[!grepl("^\\s*#", lines)]
  first_load <- min(grep("requireNamespace|library\\(|robyn_available\\(", code))
  expect_lt(grep("Sys.setenv", code)[1], first_load)
  # The sourced files define functions only: nothing at their top level loads a package.
  for (file in list.files(file.path(r_dir, "R"), full.names = TRUE)) {
    exprs <- parse(file)
    for (e in exprs) {
      expect_true(is.call(e) && identical(as.character(e[[1]]), "<-") && is.call(e[[3]]) &&
                    identical(as.character(e[[3]][[1]]), "function"), info = paste(basename(file), deparse(e)[1]))
    }
  }
})
