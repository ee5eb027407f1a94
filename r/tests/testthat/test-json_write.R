test_that("numbers are written with the fewest digits that read back exactly", {
  for (x in c(0.1, 0.1 + 0.2, 1 / 3, 1e-300, 6.02214076e23, -2.5, 123456789.123456789, 2^53 - 1, 0)) {
    text <- json_number(x)
    expect_identical(as.numeric(text), x, info = text)
    expect_false(grepl("e\\+", text))
  }
  expect_identical(json_number(0.1), "0.1")
  expect_identical(json_number(3), "3")
  expect_identical(json_number(Inf), "null")
  expect_identical(json_number(NaN), "null")
})

test_that("R values map to JSON shapes", {
  expect_identical(to_json(list(a = 1L, b = "x", c = TRUE, d = NULL, e = NA)), '{"a":1,"b":"x","c":true,"d":null,"e":null}')
  expect_identical(to_json(list(1, "two")), '[1,"two"]')
  expect_identical(to_json(c(1.5, 2)), "[1.5,2]")
  expect_identical(to_json(json_array("only")), '["only"]')
  expect_identical(to_json(list()), "[]")
  expect_identical(to_json(json_object()), "{}")
  expect_identical(to_json(list(q = 'say "hi"\n')), '{"q":"say \\"hi\\"\\n"}')
  expect_identical(to_json(list(raw = json_verbatim('{"x": [1, 2]}'))), '{"raw":{"x": [1, 2]}}')
})

test_that("parsed JSON objects round-trip, empty objects included", {
  parsed <- jsonlite::fromJSON('{"a": {}, "b": [], "c": ["x"], "d": {"k": 0.30000000000000004}}', simplifyVector = FALSE)
  again <- jsonlite::fromJSON(to_json(parsed), simplifyVector = FALSE)
  expect_identical(again, parsed)
})

test_that("files are written whole", {
  dir <- temp_run_dir()
  path <- file.path(dir, "x.json")
  write_text_atomic("{}", path)
  expect_identical(readLines(path), "{}")
  expect_identical(list.files(dir, all.files = TRUE, no.. = TRUE), "x.json")
})
