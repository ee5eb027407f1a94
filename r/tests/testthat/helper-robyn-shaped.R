# Robyn-shaped results and a stand-in for Robyn's functions, built from the field names Robyn documents
# (robyn-semantics.md §6.1 and §6.4: resultHypParam, xDecompAgg, clusters$models), so run_all.R's own logic can be
# tested where Robyn itself cannot be installed. Nothing here models Robyn's numbers.

#' Every model of a search: trial/iterNG/iterPar ids, errors, and hyperparameter columns.
robyn_shaped_models <- function(config, trials = 2L, per_trial = 30L, seed = 7L) {
  set.seed(seed)
  n <- trials * per_trial
  trial <- rep(seq_len(trials), each = per_trial)
  iter <- rep(seq_len(per_trial), times = trials)
  hyp <- data.frame(
    solID = paste(trial, (iter - 1L) %/% 2L + 1L, (iter - 1L) %% 2L + 1L, sep = "_"),
    trial = trial, iterNG = (iter - 1L) %/% 2L + 1L, iterPar = (iter - 1L) %% 2L + 1L,
    rsq_train = runif(n, 0.5, 0.95), rsq_val = runif(n, 0.3, 0.9), rsq_test = runif(n, 0.3, 0.9),
    nrmse_train = runif(n, 0.05, 0.2), nrmse_val = runif(n, 0.05, 0.3), nrmse_test = runif(n, 0.05, 0.3),
    decomp.rssd = runif(n, 0.05, 0.8), mape = 0, train_size = runif(n, 0.5, 0.8), lambda = runif(n, 1e3, 1e7),
    stringsAsFactors = FALSE
  )
  hyp$nrmse <- hyp$nrmse_val
  for (name in names(robyn_hyperparameters(config))) hyp[[name]] <- runif(n)
  hyp
}

#' What robyn_outputs() returns for those models: fronts, clusters, the kept models' aggregates.
robyn_shaped_outputs <- function(config, models, clusters = TRUE, kept = 12L) {
  ranked <- order(models$nrmse + models$decomp.rssd)
  models$robynPareto <- NA_integer_
  models$robynPareto[ranked[seq_len(kept)]] <- sort(rep(1:3, length.out = kept))
  models$error_score <- sqrt(models$nrmse_test^2 + models$decomp.rssd^2)
  pareto <- models[!is.na(models$robynPareto), , drop = FALSE]
  cluster_models <- NULL
  if (clusters) {
    pareto$cluster <- rep(1:3, length.out = nrow(pareto))
    pareto$top_sol <- FALSE
    for (k in unique(pareto$cluster)) {
      members <- which(pareto$cluster == k)
      pareto$top_sol[members[which.min(pareto$error_score[members])]] <- TRUE
    }
    cluster_models <- pareto[pareto$top_sol, c("solID", "cluster", "error_score")]
  }
  roles <- variable_roles(config)
  variables <- c("(Intercept)", roles$baseline, config_strings(config, "context_vars"), names(roles$paid), roles$organic)
  agg <- do.call(rbind, lapply(pareto$solID, function(id) {
    k <- length(variables)
    data.frame(
      rn = variables, coef = seq_len(k) / 10, xDecompAgg = seq_len(k) * 1000, xDecompPerc = seq_len(k) / sum(seq_len(k)),
      effect_share = ifelse(variables %in% names(roles$paid), 0.2, NA), spend_share = ifelse(variables %in% names(roles$paid), 0.2, NA),
      total_spend = ifelse(variables %in% names(roles$paid), 5000, NA), mean_spend = ifelse(variables %in% names(roles$paid), 50, NA),
      mean_response = 10, roi_total = 1.5, cpa_total = 1 / 1.5, carryover_pct = 0.25, solID = id, stringsAsFactors = FALSE
    )
  }))
  structure(list(
    resultHypParam = pareto, xDecompAgg = agg, allPareto = list(resultHypParam = models),
    clusters = if (clusters) list(models = cluster_models) else NULL, plot_folder = "unset/"
  ), class = c("robyn_outputs", "list"))
}

#' A stand-in for robyn_api(): records every call's arguments in `calls` and answers with Robyn-shaped objects.
#' @param fail which function stops with an error ("inputs", "run", "outputs" or "clusters"), or NULL.
fake_robyn_api <- function(config, fail = NULL) {
  calls <- new.env()
  record <- function(name, args) assign(name, c(get0(name, calls, ifnotfound = list()), list(args)), envir = calls)
  per_trial <- as.integer(config$iterations %||% 30L)
  api <- list(
    version = "3.12.1-stand-in",
    holidays = data.frame(ds = as.Date("2016-12-26"), holiday = "x", country = "DE", year = 2016L),
    lambda_seq = NULL,
    inputs = function(...) {
      args <- list(...)
      record("inputs", args)
      if (identical(fail, "inputs")) stop("Input 'dt_input' has zero-variance columns")
      data <- args$dt_input
      ind <- c(tolower(args$prophet_vars), args$context_vars, args$paid_media_vars, args$organic_vars)
      ind <- ind[ind %in% names(data)]
      dt_mod <- data.frame(ds = data[[1]], dep_var = data[[args$dep_var]], data[, ind, drop = FALSE], check.names = FALSE)
      list(
        dt_input = data, dt_mod = dt_mod, prophet_vars = args$prophet_vars,
        prophet_signs = if (is.null(args$prophet_vars)) NULL else rep("default", length(args$prophet_vars)),
        context_vars = args$context_vars, context_signs = rep("default", length(args$context_vars)),
        paid_media_selected = args$paid_media_vars, organic_vars = args$organic_vars,
        hyperparameters = args$hyperparameters, calibration_input = args$calibration_input
      )
    },
    run = function(...) {
      args <- list(...)
      record("run", args)
      if (identical(fail, "run")) stop("You must have nevergrad python library installed.")
      if (!is.null(args$dt_hyper_fixed)) {
        model <- robyn_shaped_models(config, trials = 1L, per_trial = 1L)
        model$solID <- "1_1_1"
        return(robyn_shaped_outputs(config, model, clusters = FALSE, kept = 1L))
      }
      models <- list()
      for (t in seq_len(args$trials)) {
        message(sprintf("  Running trial %d of %d", t, args$trials))
        all <- robyn_shaped_models(config, trials = args$trials, per_trial = args$iterations)
        models[[paste0("trial", t)]] <- list(resultCollect = list(resultHypParam = all[all$trial == t, ]))
      }
      warning("We recommend to run at least 2000 iterations per trial")
      models
    },
    outputs = function(...) {
      args <- list(...)
      record("outputs", args)
      if (identical(fail, "outputs")) stop("Less than 100 candidates in pareto fronts.")
      if (identical(fail, "clusters") && isTRUE(args$clusters)) stop("object 'clusterCollect' not found")
      all <- do.call(rbind, lapply(args$OutputModels, function(t) t$resultCollect$resultHypParam))
      robyn_shaped_outputs(config, all, clusters = args$clusters)
    },
    csv = function(InputCollect, OutputCollect, csv_out = NULL, export = TRUE, calibrated = FALSE) {
      record("csv", list(plot_folder = OutputCollect$plot_folder, csv_out = csv_out, calibrated = calibrated))
      folder <- OutputCollect$plot_folder
      utils::write.csv(OutputCollect$resultHypParam, paste0(folder, "pareto_hyperparameters.csv"))
      utils::write.csv(OutputCollect$xDecompAgg, paste0(folder, "pareto_aggregated.csv"))
      if ("all" %in% csv_out) utils::write.csv(OutputCollect$allPareto$resultHypParam, paste0(folder, "all_hyperparameters.csv"))
    },
    write = function(InputCollect, OutputCollect, select_model, dir, ...) {
      record("write", list(select_model = select_model, dir = dir))
      writeLines("{}", file.path(dir, paste0("RobynModel-", select_model, ".json")))
    }
  )
  list(api = api, calls = calls)
}
