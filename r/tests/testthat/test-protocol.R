test_that("protocol lines are one JSON object after @mmm", {
  expect_identical(protocol_line(list(event = "progress", done = 1L, total = 4L)), '@mmm {"event":"progress","done":1,"total":4}')
  captured <- capture_protocol(emit_diagnostic("note", "c", "two\nlines", "robyn_run"))
  expect_identical(captured$events[[1]]$message, "two\nlines")
  expect_identical(captured$events[[1]]$step, "robyn_run")
})

test_that("Robyn's trial messages become progress", {
  expect_identical(trial_progress("  Running trial 3 of 5", 200L, 5L), list(done = 400L, total = 1000L))
  expect_null(trial_progress(">>> Starting 5 trials with 200 iterations each", 200L, 5L))
})

test_that("messages and warnings are relayed as diagnostics, once", {
  messages <- utils::capture.output(type = "message", {
    captured <- capture_protocol(with_robyn_messages({
      message("Running trial 2 of 2")
      warning("We recommend to run at least 2000 iterations")
      42
    }, "robyn_run", iterations = 10L, trials = 2L))
  })
  expect_identical(captured$value, 42)
  events <- captured$events
  expect_identical(vapply(events, `[[`, "", "event"), c("progress", "diagnostic", "diagnostic"))
  expect_identical(events[[1]]$done, 10L)
  expect_identical(events[[2]]$code, "robyn_message")
  expect_identical(events[[3]]$severity, "warning")
  expect_identical(messages, character(0))
})
