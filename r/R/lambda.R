# Robyn's ridge penalty range (robyn-semantics §4.1), needed to fix lambda: with all hyperparameters fixed, Robyn
# takes lambda as already scaled, while the config (and the native engine) give the normalised value in [0, 1].

#' λ_seq_max of Robyn's lambda_seq: columns standardised by mean and population SD over all rows (constant columns
#' become 0), y not centred, max_j |Σ_i xs_ij · y_i| / (0.001 · n).
lambda_seq_max <- function(x, y) {
  x <- as.matrix(x)
  n <- nrow(x)
  xs <- apply(x, 2, function(column) {
    sd <- sqrt(sum((column - mean(column))^2) / length(column))
    if (sd == 0) rep(0, length(column)) else (column - mean(column)) / sd
  })
  xs <- matrix(xs, nrow = n)
  # Robyn takes max(exp(seq(log(max), …))), i.e. exp(log(max)); keep that rounding.
  exp(log(max(abs(colSums(xs * y))) / (0.001 * n)))
}

#' The penalty a normalised lambda stands for: lambda_min + (lambda_max − lambda_min) · lambda_hp, with
#' lambda_max = 0.1 · λ_seq_max and lambda_min = 1e-4 · lambda_max.
#' @param dt_mod Robyn's modelling table (columns ds, dep_var, then the regressors), all rows.
#' @param seq_max optional λ_seq_max (e.g. from Robyn's own lambda_seq); computed here when NULL.
scaled_lambda <- function(dt_mod, lambda_hp, seq_max = NULL) {
  if (is.null(seq_max)) {
    x <- dt_mod[, setdiff(names(dt_mod), c("ds", "dep_var")), drop = FALSE]
    seq_max <- lambda_seq_max(x, dt_mod$dep_var)
  }
  lambda_max <- seq_max * 0.1
  lambda_min <- lambda_max * 1e-4
  lambda_min + (lambda_max - lambda_min) * lambda_hp
}
