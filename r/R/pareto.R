# Robyn's robyn_outputs(pareto_fronts = "auto") stops when the eligible models number min_candidates or fewer
# ("Less than 100 candidates in pareto fronts"). The native engine keeps every front instead, with a note; this
# chooses a min_candidates Robyn accepts that has the same effect.

#' Models Robyn lets onto Pareto fronts (robyn-semantics §5.6): mape, nrmse and decomp.rssd at or below their
#' quantiles calibration_constraint, 0.9 and 0.9 (R's type-7 quantile).
eligible_models <- function(nrmse, decomp_rssd, mape, calibration_constraint = 0.1) {
  q <- function(x, p) stats::quantile(x, p, na.rm = TRUE, names = FALSE)
  ok <- mape <= q(mape, calibration_constraint) & nrmse <= q(nrmse, 0.9) & decomp_rssd <= q(decomp_rssd, 0.9)
  sum(ok %in% TRUE)
}

#' The min_candidates to pass: `wanted` when more models are eligible, else one less than the eligible count (every
#' front kept), never below 0 (Robyn needs min_candidates < eligible).
#' @return list(min_candidates, all_fronts = whether every front is kept because there are too few models).
pareto_min_candidates <- function(eligible, wanted = 100L) {
  if (eligible > wanted) return(list(min_candidates = as.integer(wanted), all_fronts = FALSE))
  list(min_candidates = max(0L, as.integer(eligible) - 1L), all_fronts = TRUE)
}

#' Every model's errors from robyn_run()'s OutputModels (all trials).
model_errors <- function(output_models) {
  trials <- output_models[grepl("^trial[0-9]+$", names(output_models))]
  rows <- lapply(trials, function(t) {
    h <- t$resultCollect$resultHypParam
    data.frame(nrmse = h$nrmse, decomp_rssd = h$decomp.rssd, mape = h$mape)
  })
  do.call(rbind, rows)
}
