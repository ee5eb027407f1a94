# Sources run_all.R's functions and locates the fixtures. testthat runs helpers with the working directory at
# r/tests/testthat.
r_dir <- normalizePath(file.path(getwd(), "..", ".."))
repo_dir <- normalizePath(file.path(r_dir, ".."))
for (file in sort(list.files(file.path(r_dir, "R"), pattern = "\\.R$", full.names = TRUE))) source(file, local = TRUE)

fixture <- function(name) file.path(repo_dir, "Tests", "Fixtures", "robyn", name)
schema_dir <- file.path(repo_dir, "schema")

#' A fresh empty folder.
temp_run_dir <- function() {
  dir <- tempfile("mmm-robyn-test-")
  dir.create(dir)
  dir
}

#' Says loudly (on stderr) why a test cannot run, then skips it: never a silent pass.
skip_loudly <- function(why) {
  cat(sprintf("SKIPPED: %s\n", why), file = stderr())
  testthat::skip(why)
}

#' Validates a JSON file against one of the repository's JSON Schemas with Python's jsonschema (the validator the
#' Swift tests use). Skips loudly when python3 or jsonschema is missing.
expect_schema_valid <- function(path, schema) {
  # R puts its own LD_LIBRARY_PATH into child processes, which can make a non-system python load Debian's libpython
  # (and lose its site-packages); python runs without it.
  python <- c("-u", "LD_LIBRARY_PATH", Sys.which("python3"))
  if (!nzchar(python[3]) || system2("env", c(python, "-c", shQuote("import jsonschema")), stdout = FALSE, stderr = FALSE) != 0) {
    skip_loudly("python3 with jsonschema is not available; cannot validate against the JSON Schema")
  }
  script <- paste(
    "import json, pathlib, sys",
    "from jsonschema import Draft202012Validator",
    "from referencing import Registry, Resource",
    "schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))",
    "docs = [json.loads(p.read_text()) for p in pathlib.Path(sys.argv[1]).parent.glob('*.schema.json')]",
    "registry = Registry().with_resources([(d['$id'], Resource.from_contents(d)) for d in docs])",
    "errors = list(Draft202012Validator(schema, registry=registry).iter_errors(doc))",
    "[print(e.json_path, e.message) for e in errors]",
    "sys.exit(1 if errors else 0)",
    sep = "\n"
  )
  out <- suppressWarnings(system2(
    "env", c(python, "-c", shQuote(script), shQuote(file.path(schema_dir, paste0(schema, ".schema.json"))), shQuote(path)),
    stdout = TRUE, stderr = TRUE
  ))
  testthat::expect(is.null(attr(out, "status")), paste(c(sprintf("%s is not valid against %s:", path, schema), out), collapse = "\n"))
}

#' Captures the `@mmm` protocol lines printed while evaluating `expr`, parsed.
capture_protocol <- function(expr) {
  lines <- utils::capture.output(value <- force(expr))
  lines <- grep("^@mmm ", lines, value = TRUE)
  list(value = value, events = lapply(sub("^@mmm ", "", lines), jsonlite::fromJSON, simplifyVector = FALSE))
}
