#!/usr/bin/env Rscript
# Trains a Marketing Mix Model with Robyn (R) on a run folder prepared by mmm-trainer.
#
#   Rscript r/run_all.R RUN_DIR     RUN_DIR holds job_config.json and prepared_data.csv (written by
#                                   `mmm-cli train --backend robyn`); Robyn's CSVs, model_summary.json and status.json
#                                   are written next to them.
#   Rscript r/run_all.R --probe     prints the R and Robyn versions (exit 3 when Robyn is missing).
#
# Environment: MMM_R_CORES (worker processes; else R_MAX_CORES, else all cores but one), MMM_RUN_ID (else the
# folder's name). Standard output carries `@mmm {json}` lines (progress, diagnostics, errors) for the caller.
# Exit status: 0 success, 1 failure (status.json says FAILED and why), 2 usage, 3 a required R package is missing.

script_dir <- local({
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  dirname(normalizePath(sub("^--file=", "", file_arg[1])))
})
# Function definitions only: sourcing loads no package.
for (file in sort(list.files(file.path(script_dir, "R"), pattern = "\\.R$", full.names = TRUE))) source(file)

# Cores before any package loads (reference-system §4.2): parallel back ends read these when they load.
cores <- resolve_cores()
do.call(Sys.setenv, as.list(core_environment(cores)))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) {
  cat("usage: Rscript run_all.R RUN_DIR | --probe\n", file = stderr())
  quit(status = 2)
}

if (!suppressWarnings(requireNamespace("jsonlite", quietly = TRUE))) {
  cat('@mmm {"event":"error","step":"load_packages","code":"r_package_missing",',
      '"message":"the R package jsonlite is not installed (Debian: apt-get install r-cran-jsonlite)"}\n', sep = "")
  quit(status = 3)
}

if (!robyn_available()) {
  emit_error("load_robyn", robyn_install_hint(), code = "robyn_missing")
  quit(status = 3)
}
api <- robyn_api()

if (identical(args[1], "--probe")) {
  emit(list(
    event = "probe", r_version = paste(R.version$major, R.version$minor, sep = "."), robyn_version = api$version,
    cores = cores
  ))
  quit(status = 0)
}

run_dir <- normalizePath(args[1], mustWork = FALSE)
if (!dir.exists(run_dir)) {
  cat(sprintf("run folder %s does not exist\n", run_dir), file = stderr())
  quit(status = 2)
}
run_id <- Sys.getenv("MMM_RUN_ID", unset = basename(run_dir))
ok <- tryCatch(
  {
    run_robyn_job(run_dir, api, run_id = run_id, cores = cores)
    TRUE
  },
  error = function(e) FALSE
)
quit(status = if (ok) 0 else 1)
