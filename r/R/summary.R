# model_summary.json from Robyn's result tables, in the same schema the native engine writes
# (schema/model_summary.schema.json). The tables are those of robyn_outputs(): resultHypParam and xDecompAgg of the
# kept Pareto fronts, the same for every model (allPareto), and the cluster winners (clusters$models).

#' One model's metrics (a ModelMetrics object) from a resultHypParam row.
model_metrics <- function(row) {
  num <- function(column) if (column %in% names(row)) as.numeric(row[[column]]) else NA_real_
  int <- function(column) if (column %in% names(row) && !is.na(row[[column]])) as.integer(row[[column]]) else NA
  list(
    model_id = as.character(row[["solID"]]),
    rsq_train = num("rsq_train"), rsq_val = num("rsq_val"), rsq_test = num("rsq_test"),
    nrmse_train = num("nrmse_train"), nrmse_val = num("nrmse_val"), nrmse_test = num("nrmse_test"),
    nrmse = num("nrmse"), decomp_rssd = num("decomp.rssd"), mape = num("mape"),
    train_size = num("train_size"), lambda = num("lambda"),
    pareto_front = int("robynPareto"), cluster = int("cluster")
  )
}

#' resultHypParam rows in summary order: best front first, then by trial, generation and worker.
order_models <- function(hyp) {
  key <- function(column) if (column %in% names(hyp)) as.numeric(hyp[[column]]) else rep(0, nrow(hyp))
  hyp[order(key("robynPareto"), key("trial"), key("iterNG"), key("iterPar")), , drop = FALSE]
}

#' The chosen model: the cluster winner with the lowest error score (as the native engine chooses); without clusters,
#' the Pareto model with the lowest error score.
#' @param pareto_hyp resultHypParam of the kept fronts (solID, error_score, robynPareto, …).
#' @param cluster_models clusters$models of robyn_outputs() (solID, error_score), or NULL.
best_model_id <- function(pareto_hyp, cluster_models = NULL) {
  pick <- function(table) {
    ordered <- table[order(as.numeric(table$error_score), na.last = TRUE), , drop = FALSE]
    as.character(ordered$solID[1])
  }
  if (!is.null(cluster_models) && nrow(cluster_models) > 0 && "error_score" %in% names(cluster_models)) {
    return(pick(cluster_models))
  }
  ordered <- order_models(pareto_hyp)
  if (!"error_score" %in% names(ordered)) return(as.character(ordered$solID[1]))
  pick(ordered)
}

#' The role of each model variable, from the config.
variable_roles <- function(config) {
  spends <- vapply(config$paid_media, function(p) as.character(p$spend), character(1))
  vars <- vapply(config$paid_media, function(p) as.character(p$var %||% p$spend), character(1))
  list(
    baseline = c(config_strings(config, "baseline_vars"), config_strings(config, "baseline_columns")),
    paid = stats::setNames(spends, vars),
    organic = config_strings(config, "organic_vars")
  )
}

#' The best model's decomposition (VariableContribution objects) from its xDecompAgg rows.
decomposition_entries <- function(agg, roles, conversion = FALSE) {
  num <- function(row, column) if (column %in% names(row)) as.numeric(row[[column]]) else NA_real_
  lapply(seq_len(nrow(agg)), function(i) {
    row <- agg[i, , drop = FALSE]
    name <- as.character(row$rn)
    role <- if (name == "(Intercept)") "intercept"
      else if (name %in% roles$baseline) "baseline"
      else if (name %in% names(roles$paid)) "paid_media"
      else if (name %in% roles$organic) "organic"
      else "context"
    media <- role %in% c("paid_media", "organic")
    paid <- role == "paid_media"
    entry <- list(variable = name, role = role)
    if (paid) entry$spend_column <- unname(roles$paid[[name]])
    c(entry, list(
      coefficient = num(row, "coef"),
      total_effect = num(row, "xDecompAgg"),
      effect_percent = num(row, "xDecompPerc"),
      effect_share = if (paid) num(row, "effect_share") else NA,
      spend_share = if (paid) num(row, "spend_share") else NA,
      total_spend = if (paid) num(row, "total_spend") else NA,
      mean_spend = if (paid) num(row, "mean_spend") else NA,
      mean_response = if (media) num(row, "mean_response") else NA,
      roi = if (paid && !conversion) num(row, "roi_total") else NA,
      cpa = if (paid && conversion) num(row, "cpa_total") else NA,
      carryover_share = if (media) num(row, "carryover_pct") else NA
    ))
  })
}

#' The sentence model_summary.json gives as best_model_rule.
best_model_rule <- function(robyn_version, min_candidates, kept_fronts, pareto_count, clusters, validation, all_fronts,
                            fixed = FALSE) {
  if (fixed) return(sprintf("Robyn %s: every hyperparameter fixed; the one model fitted", robyn_version))
  fronts <- if (all_fronts) {
    sprintf("every Pareto front kept (fewer than 100 eligible models: %d fronts, %d models)", kept_fronts, pareto_count)
  } else {
    sprintf("Pareto fronts kept until at least %d models (%d fronts, %d models)", min_candidates, kept_fronts, pareto_count)
  }
  chosen <- if (clusters > 0) {
    sprintf(
      "clustered by hyperparameters (Robyn's robyn_clusters: %d clusters); best = the cluster winner with the lowest error score (%s, decomp_rssd, mape; min-max normalised)",
      clusters, if (validation) "nrmse_test" else "nrmse_train"
    )
  } else {
    "not clustered; best = the Pareto model with the lowest error score"
  }
  sprintf(
    "Robyn %s: models with NRMSE and DECOMP.RSSD at or below their 90 %% quantiles; %s; %s",
    robyn_version, fronts, chosen
  )
}

#' Builds the model_summary.json object.
#' @param config_raw the job config's text (echoed verbatim); @param config the parsed config.
#' @param result list(all_hyp, pareto_hyp, x_decomp_agg, cluster_models, min_candidates, all_fronts, fixed).
build_model_summary <- function(config_raw, config, run_id, robyn_version, result, timings = NULL) {
  pareto <- order_models(result$pareto_hyp)
  best <- best_model_id(pareto, result$cluster_models)
  best_row <- pareto[pareto$solID == best, , drop = FALSE]
  if (nrow(best_row) == 0) stop(sprintf("the chosen model %s is not among the Pareto models", best))
  agg <- result$x_decomp_agg[result$x_decomp_agg$solID == best, , drop = FALSE]
  conversion <- identical(as.character(config$dep_var_type %||% "revenue"), "conversion")
  clusters <- if (is.null(result$cluster_models)) 0L else length(unique(result$cluster_models$cluster))
  fronts <- if (nrow(pareto) == 0) 0L else as.integer(max(as.numeric(pareto$robynPareto), na.rm = TRUE))
  summary <- list(
    schema_version = 1L,
    run_id = run_id,
    engine = list(name = "robyn", version = robyn_version),
    config = json_verbatim(config_raw),
    candidate_count = nrow(result$all_hyp),
    pareto_model_count = nrow(pareto),
    pareto_models = lapply(seq_len(min(100L, nrow(pareto))), function(i) model_metrics(pareto[i, , drop = FALSE])),
    best_model = model_metrics(best_row[1, , drop = FALSE]),
    best_model_rule = best_model_rule(
      robyn_version, result$min_candidates, fronts, nrow(pareto), clusters, uses_validation(config),
      isTRUE(result$all_fronts), isTRUE(result$fixed)
    ),
    decomposition = decomposition_entries(agg, variable_roles(config), conversion)
  )
  if (!is.null(config$benchmark)) summary$benchmark <- config$benchmark
  if (!is.null(timings)) summary$timings <- as.list(timings)
  summary
}
