# Produces the random ordinal corpus in tests/SemLib.Tests/Reference/ordinal-corpus/ (SemLib issue 10): random CFA and
# SEM models with ordered items, fitted with lavaan 0.6.14, one folder per case with case.json (the fields of
# Reference/ordinal-fit written by make-ordinal-fit-cases.R: options, parameters, fit_measures, tests with
# shift.parameter, r2, catml; plus `generator`, the population and how the data were cut) and data.csv (integer codes
# for the ordered columns), and summary.json (the cases, lavaan's failures and a few non-converged designs).
# Run from the repository root (deterministic: candidate k has seed BASE.SEED + k):
#   Rscript tests/SemLib.Tests/Reference/scripts/make-ordinal-corpus.R [number-of-cases]
# Needs R 4.2 with lavaan 0.6.14, MASS and jsonlite. Tests never run R: they read the committed files.
#
# What varies (drawn per candidate):
#   kind          CFA (about 3 in 5) or SEM with latent regressions (later factors regressed on 1-2 earlier ones)
#   factors       2-5 with 3-6 indicators each (at most 30 variables)
#   loadings      0.4-0.9 in absolute value; the marker (first indicator) negative in about 30% of factors, the other
#                 indicators negative with probability 0.15; latent responses standardized (residual variance
#                 1 - explained); factor correlations from a one-factor pattern (always positive definite)
#   responses     y* ~ N(0, Sigma) by MASS::mvrnorm, cut into 2-7 categories at thresholds that are evenly spaced,
#                 random, skewed (geometric category proportions) or random with one rare end category (2-4%);
#                 every category present (in every group), else the data are drawn again; codes start at 0 or 1
#   N             log-uniform in 150-1500
#   groups        about a fifth with two groups (column g, values g1 and g2; the second group's factors shifted by
#                 0.2-0.5 with variances x 1.1-1.4, measurement invariant): half configural, half
#                 group.equal = c("thresholds", "loadings")
#   options       about a fifth parameterization = "theta"; a few estimator = "DWLS" or "ULSMV" (else WLSMV)
#   continuous    a few single-group cases with one or two indicators left uncut (rescaled, 6 significant digits)
#   misspecified  about a sixth: the population has a cross-loading (0.3-0.45) the analysis model leaves out
# A case where SemLib reaches a lower chi-square than lavaan carries a `semlib_lower_chisq` note with the evidence:
# add it to LOWER.CHISQ.NOTES below (case name -> list(semlib_chisq = , lavaan_chisq = , evidence = "...")) and rerun.
# lavaan is fitted (cfa()/sem() with ordered = the cut items) to data.csv as read back. Candidates where lavaan fails or
# does not converge are not cases: they are counted in summary.json (lavaan_failures) and up to three are kept with
# their data under _lavaan-nonconverged/ (summary.json: lavaan_nonconverged).
suppressPackageStartupMessages({ library(lavaan); library(jsonlite); library(MASS) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
args <- commandArgs(trailingOnly = TRUE)
N.CASES <- if (length(args) >= 1) as.integer(args[1]) else 40L
MAX.CANDIDATES <- 3L * N.CASES
BASE.SEED <- 20261210L
out.dir <- "tests/SemLib.Tests/Reference/ordinal-corpus"
script <- "tests/SemLib.Tests/Reference/scripts/make-ordinal-corpus.R"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)

LOWER.CHISQ.NOTES <- list(
  "o13-cfa3-groups-theta" = list(
    semlib_chisq = 121.4075524, lavaan_chisq = 121.4076882,
    evidence = paste(
      "A flat ridge: in group g2 the polychoric correlations of y13 with y11, y12 and y14 are (nearly) +-1 and f3 =~ y13",
      "is weakly determined (theta parameterization: estimate 4.2, SE 9.3). lavaan 0.6.14 evaluated on data.csv at",
      "SemLib's estimates (start = SemLib's parameter table, optim.method = 'none') gives chisq 121.407554076, SemLib's",
      "value and 1.3e-4 below lavaan's reported 121.407688151; lavaan started at SemLib's estimates stops there after",
      "1 iteration (converged, chisq 121.407554076): lavaan's default stop is not the minimum of its own fit function.")))

num <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), x, NA) }
sample2 <- function(v) v[sample.int(length(v), 1)]
json.options <- function(options) {
  for (k in c("ordered", "group.equal")) if (!is.null(options[[k]])) options[[k]] <- I(as.character(options[[k]]))
  options
}
with_warnings <- function(expr) {
  w <- character(0)
  value <- withCallingHandlers(expr, warning = function(c) { w <<- c(w, conditionMessage(c)); invokeRestart("muffleWarning") })
  list(value = value, warnings = unique(w))
}

test_entry <- function(t) {
  get <- function(k) if (is.null(t[[k]])) NA else t[[k]]
  list(test = t$test, label = if (is.null(t$label)) "" else t$label,
       stat = num(t$stat), stat.group = I(num(get("stat.group"))), df = num(t$df), pvalue = num(t$pvalue),
       scaling.factor = num(get("scaling.factor")), shift.parameter = if (is.null(t$shift.parameter)) NA else I(num(t$shift.parameter)),
       trace.UGamma = num(get("trace.UGamma")), trace.UGamma2 = num(get("trace.UGamma2")),
       scaled.test.stat = num(get("scaled.test.stat")))
}

# ---- the population ------------------------------------------------------------------------------------------------

# A random design: factors, indicators, loadings, latent structure, cutting, options.
draw_design <- function(id) {
  set.seed(BASE.SEED + id)
  nf <- sample(2:5, 1)
  sizes <- sample(3:6, nf, replace = TRUE)
  while (sum(sizes) > 30) sizes[which.max(sizes)] <- sizes[which.max(sizes)] - 1L
  p <- sum(sizes)
  kind <- if (runif(1) < 0.4) "sem" else "cfa"
  factor.of <- rep(seq_len(nf), sizes)
  lambda <- runif(p, 0.4, 0.9)
  first <- !duplicated(factor.of)
  negative.marker <- runif(nf) < 0.3
  sign <- ifelse(first, ifelse(negative.marker[factor.of], -1, 1), ifelse(runif(p) < 0.15, -1, 1))
  lambda <- lambda * sign
  # Latent structure: B (regressions among factors) and Psi (exogenous correlations, endogenous residual variances)
  # chosen so that every factor has variance 1.
  B <- matrix(0, nf, nf)
  if (kind == "sem") {
    endo <- if (nf == 2) 2L else (floor(nf / 2) + 1L):nf
    for (k in endo) {
      preds <- if (k == 2) 1L else sort(sample(seq_len(k - 1), min(k - 1, sample(1:2, 1))))
      B[k, preds] <- runif(length(preds), 0.25, 0.5) * sample(c(-1, 1), length(preds), replace = TRUE)
    }
  }
  exo <- which(rowSums(B != 0) == 0)
  a <- runif(nf, 0.4, 0.8) * sample(c(-1, 1), nf, replace = TRUE)
  Psi <- matrix(0, nf, nf)
  Psi[exo, exo] <- outer(a[exo], a[exo]); diag(Psi) <- 1
  IB <- solve(diag(nf) - B)
  for (k in setdiff(seq_len(nf), exo)) {           # in order: k's predictors are earlier factors
    Phi <- IB %*% Psi %*% t(IB)
    explained <- Phi[k, k] - Psi[k, k]
    if (explained > 0.8) { B[k, ] <- B[k, ] * sqrt(0.8 / explained); IB <- solve(diag(nf) - B); Phi <- IB %*% Psi %*% t(IB); explained <- Phi[k, k] - Psi[k, k] }
    Psi[k, k] <- 1 - explained
    Phi <- IB %*% Psi %*% t(IB)
  }
  Phi <- IB %*% Psi %*% t(IB)
  stopifnot(max(abs(diag(Phi) - 1)) < 1e-10)
  L <- matrix(0, p, nf); L[cbind(seq_len(p), factor.of)] <- lambda
  misspecified <- runif(1) < 1 / 6
  cross <- NULL
  if (misspecified) {
    j <- sample2(which(!first)); g <- sample2(setdiff(seq_len(nf), factor.of[j]))
    c <- runif(1, 0.3, 0.45) * sample(c(-1, 1), 1)
    L[j, g] <- c
    while (sum((L %*% Phi)[j, ] * L[j, ]) > 0.85) { c <- c * 0.8; L[j, g] <- c }
    cross <- list(item = j, factor = g, loading = c)
  }
  explained <- rowSums((L %*% Phi) * L)
  Sigma <- L %*% Phi %*% t(L); diag(Sigma) <- 1
  groups <- runif(1) < 0.2
  list(id = id, seed = BASE.SEED + id, nf = nf, sizes = sizes, p = p, kind = kind, factor.of = factor.of, L = L, B = B,
       Phi = Phi, Sigma = Sigma, explained = explained, cross = cross, groups = groups,
       group.equal = groups && runif(1) < 0.5,
       theta = runif(1) < 0.2,
       estimator = sample(c("WLSMV", "DWLS", "ULSMV"), 1, prob = c(0.84, 0.08, 0.08)),
       n = round(exp(runif(1, log(150), log(1500)))),
       continuous = if (!groups && runif(1) < 0.12) sort(sample(which(!first), min(sum(!first), sample(1:2, 1)))) else integer(0),
       common.k = if (runif(1) < 0.5) sample(2:7, 1, prob = c(0.15, 0.15, 0.2, 0.3, 0.1, 0.1)) else NA,
       base = sample(0:1, 1))
}

# Thresholds for K categories in the standard-normal metric of a latent response.
draw_thresholds <- function(K, style) {
  switch(style,
    even = qnorm((1:(K - 1)) / K) + runif(K - 1, -0.1, 0.1),
    random = { repeat { t <- sort(runif(K - 1, -1.8, 1.8)); if (K == 2 || min(diff(t)) > 0.15) break }; t },
    skewed = { r <- runif(1, 0.4, 0.7); pr <- r^(0:(K - 1)); pr <- pr / sum(pr); if (runif(1) < 0.5) pr <- rev(pr)
               qnorm(cumsum(pr)[-K]) },
    rare = { pr.rare <- runif(1, 0.02, 0.04)
             t <- if (K == 2) numeric(0) else sort(runif(K - 2, -1.5, 1.2))
             t <- if (K > 2 && min(diff(c(t, qnorm(1 - pr.rare)))) < 0.15) qnorm((1:(K - 2)) / (K - 1) * (1 - pr.rare)) else t
             t <- c(t, qnorm(1 - pr.rare)); if (runif(1) < 0.5) sort(-t) else t })
}

simulate_case <- function(d) {
  set.seed(d$seed + 1000000L)
  p <- d$p
  ordered <- setdiff(seq_len(p), d$continuous)
  K <- sapply(seq_len(p), function(j) if (!is.na(d$common.k)) d$common.k else sample(2:7, 1, prob = c(0.15, 0.15, 0.2, 0.3, 0.1, 0.1)))
  style <- sapply(seq_len(p), function(j) sample(c("even", "random", "skewed", "rare"), 1, prob = c(0.35, 0.3, 0.2, 0.15)))
  tau <- lapply(seq_len(p), function(j) draw_thresholds(K[j], style[j]))
  n.groups <- if (d$groups) 2L else 1L
  n.g <- if (n.groups == 1) d$n else { n1 <- round(d$n * runif(1, 0.4, 0.6)); c(n1, d$n - n1) }
  shift <- runif(d$nf, 0.2, 0.5); scale <- runif(1, 1.1, 1.4)
  scales <- runif(p, 2, 10); centres <- runif(p, 3, 50)
  for (attempt in 1:50) {
    ystar <- do.call(rbind, lapply(seq_len(n.groups), function(g) {
      if (g == 1) mvrnorm(n.g[1], rep(0, p), d$Sigma)
      else {
        # group 2: factors with means `shift` and covariance scale * Phi, the same loadings and residual variances
        L <- d$L; Phi2 <- scale * d$Phi
        S2 <- L %*% Phi2 %*% t(L); diag(S2) <- diag(S2) + (1 - d$explained)
        mvrnorm(n.g[2], as.numeric(L %*% shift), S2)
      }
    }))
    g.col <- rep(paste0("g", seq_len(n.groups)), n.g)
    data <- as.data.frame(matrix(0, nrow(ystar), p)); names(data) <- paste0("y", seq_len(p))
    ok <- TRUE
    for (j in seq_len(p)) {
      if (j %in% d$continuous) { data[[j]] <- signif(centres[j] + scales[j] * ystar[, j], 6); next }
      codes <- findInterval(ystar[, j], tau[[j]]) + d$base
      for (gl in unique(g.col)) if (length(unique(codes[g.col == gl])) < K[j]) ok <- FALSE
      data[[j]] <- as.integer(codes)
    }
    if (ok) break
  }
  if (!ok) return(NULL)
  if (n.groups > 1) data <- cbind(g = g.col, data)
  list(data = data, K = K, style = style, tau = tau, n.g = n.g, shift = if (n.groups > 1) shift else NULL,
       scale = if (n.groups > 1) scale else NULL, ordered = paste0("y", ordered), attempts = attempt)
}

analysis_model <- function(d) {
  items <- paste0("y", seq_len(d$p))
  lines <- sapply(seq_len(d$nf), function(f) paste0("f", f, " =~ ", paste(items[d$factor.of == f], collapse = " + ")))
  if (d$kind == "sem") for (k in seq_len(d$nf)) {
    preds <- which(d$B[k, ] != 0)
    if (length(preds)) lines <- c(lines, paste0("f", k, " ~ ", paste0("f", preds, collapse = " + ")))
  }
  paste0(paste(lines, collapse = "\n"), "\n")
}

case_name <- function(d, idx) {
  tags <- c(sprintf("o%02d-%s%d", idx, d$kind, d$nf),
            if (d$groups) (if (d$group.equal) "groups-equal" else "groups"),
            if (d$theta) "theta", if (d$estimator != "WLSMV") tolower(d$estimator),
            if (length(d$continuous)) "mixed", if (!is.null(d$cross)) "misspecified")
  paste(tags, collapse = "-")
}

# ---- fitting and writing ---------------------------------------------------------------------------------------------

catml <- function(fit) lapply(lavaan:::lav_fit_catml_dwls(fit), num)

results <- function(fit) {
  pe <- parameterEstimates(fit, standardized = TRUE, remove.eq = FALSE, remove.ineq = FALSE)
  pt <- parTable(fit)
  if (is.null(pe$group)) pe$group <- 1L
  if (is.null(pe$label)) pe$label <- ""
  free <- pt$free[match(paste(pe$lhs, pe$op, pe$rhs, pe$group), paste(pt$lhs, pt$op, pt$rhs, pt$group))] > 0
  free[pe$op %in% c(":=", "==", "<", ">")] <- NA
  params <- lapply(seq_len(nrow(pe)), function(i) list(
    lhs = pe$lhs[i], op = pe$op[i], rhs = pe$rhs[i], label = pe$label[i],
    est = num(pe$est[i]), se = num(pe$se[i]), z = num(pe$z[i]), pvalue = num(pe$pvalue[i]),
    ci.lower = num(pe$ci.lower[i]), ci.upper = num(pe$ci.upper[i]),
    std.lv = num(pe$std.lv[i]), std.all = num(pe$std.all[i]),
    free = free[i], group = pe$group[i]))
  fm <- fitMeasures(fit)
  r2 <- lavInspect(fit, "r2")
  ng <- lavInspect(fit, "ngroups")
  list(parameters = params, fit_measures = setNames(lapply(fm, num), names(fm)),
       r2 = if (ng > 1) lapply(r2, function(x) as.list(setNames(num(x), names(x)))) else as.list(setNames(num(r2), names(r2))),
       tests = unname(lapply(fit@test, test_entry)), catml = catml(fit))
}

generator_of <- function(d, sim) list(
  seed = d$seed, kind = d$kind, factors = d$nf, indicators = I(d$sizes), n = d$n, group_sizes = I(sim$n.g),
  loadings = lapply(seq_len(d$p), function(j) num(d$L[j, ])), factor_of = I(d$factor.of),
  B = lapply(seq_len(d$nf), function(k) num(d$B[k, ])), Phi = lapply(seq_len(d$nf), function(k) num(d$Phi[k, ])),
  categories = I(sim$K), threshold_style = I(sim$style), thresholds = lapply(sim$tau, function(t) I(num(t))),
  first_code = d$base, continuous = I(if (length(d$continuous)) paste0("y", d$continuous) else character(0)),
  group2 = if (d$groups) list(factor_mean_shift = I(num(sim$shift)), factor_variance_scale = sim$scale) else NULL,
  misspecification = if (is.null(d$cross)) list(type = "none")
                     else list(type = "cross-loading left out", item = paste0("y", d$cross$item),
                               factor = paste0("f", d$cross$factor), loading = d$cross$loading),
  draws = sim$attempts)

write_json_file <- function(x, path)
  writeLines(toJSON(x, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE), path)

cases <- character(0); failures <- list(); nonconverged <- list()
idx <- 0L; tried <- 0L
for (k in seq_len(MAX.CANDIDATES)) {
  if (length(cases) >= N.CASES) break
  tried <- k
  d <- draw_design(k)
  sim <- simulate_case(d)
  if (is.null(sim)) { failures[[length(failures) + 1]] <- list(candidate = k, seed = d$seed, reason = "a category stayed empty in 50 draws"); next }
  model <- analysis_model(d)
  options <- list(ordered = sim$ordered)
  if (d$groups) options$group <- "g"
  if (d$group.equal) options$group.equal <- c("thresholds", "loadings")
  if (d$theta) options$parameterization <- "theta"
  if (d$estimator != "WLSMV") options$estimator <- d$estimator
  tmp <- tempfile(fileext = ".csv")
  write.csv(sim$data, tmp, row.names = FALSE)
  data <- read.csv(tmp)
  fw <- tryCatch(with_warnings(do.call(d$kind, c(list(model = model, data = data), options))),
                 error = function(e) e)
  reason <- if (inherits(fw, "error")) paste("lavaan error:", conditionMessage(fw))
            else if (!lavInspect(fw$value, "converged")) paste("lavaan did not converge after", lavInspect(fw$value, "iterations"), "iterations")
            else NULL
  if (!is.null(reason)) {
    cat("candidate", k, ":", reason, "\n")
    failures[[length(failures) + 1]] <- list(candidate = k, seed = d$seed, reason = reason)
    if (length(nonconverged) < 3) {
      nm <- sprintf("candidate%03d", k)
      dir.create(file.path(out.dir, "_lavaan-nonconverged"), showWarnings = FALSE)
      file.copy(tmp, file.path(out.dir, "_lavaan-nonconverged", paste0(nm, ".csv")), overwrite = TRUE)
      nonconverged[[length(nonconverged) + 1]] <- list(name = nm, reason = reason, call = d$kind, model = model,
        options = json.options(options), data = paste0("_lavaan-nonconverged/", nm, ".csv"),
        warnings = if (inherits(fw, "error")) I(character(0)) else I(fw$warnings), generator = generator_of(d, sim))
    }
    next
  }
  fit <- fw$value
  idx <- idx + 1L
  name <- case_name(d, idx)
  o <- lavInspect(fit, "options")
  res <- results(fit)
  case <- c(list(
    name = name,
    description = paste0("Random ", d$kind, " with ", d$nf, " factors (", paste(d$sizes, collapse = "/"), " indicators), N = ", d$n,
                         if (d$groups) paste0(", two groups", if (d$group.equal) " with equal thresholds and loadings" else " (configural)") else "",
                         if (d$theta) ", theta parameterization" else "", ", estimator ", d$estimator,
                         if (length(d$continuous)) paste0(", continuous ", paste0("y", d$continuous, collapse = " ")) else "",
                         if (!is.null(d$cross)) ", a population cross-loading left out" else "", "."),
    reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    call = d$kind, options = json.options(options), model = model, data = "data.csv",
    lavaan_options = list(estimator = o$estimator, parameterization = o$parameterization, se = o$se, test = I(o$test),
                          missing = o$missing, group.equal = I(o$group.equal)),
    ordered = I(lavNames(fit, "ov.ord")),
    converged = TRUE, iterations = lavInspect(fit, "iterations"),
    nobs = I(lavInspect(fit, "nobs")), ntotal = lavInspect(fit, "ntotal"),
    warnings = I(fw$warnings), generator = generator_of(d, sim)), res)
  if (!is.null(LOWER.CHISQ.NOTES[[name]])) case$semlib_lower_chisq <- LOWER.CHISQ.NOTES[[name]]
  dir.create(file.path(out.dir, name), showWarnings = FALSE)
  file.copy(tmp, file.path(out.dir, name, "data.csv"), overwrite = TRUE)
  write_json_file(case, file.path(out.dir, name, "case.json"))
  cases <- c(cases, name)
  cat("wrote", name, "(candidate", k, ", chisq", round(fitMeasures(fit, "chisq"), 3),
      if (length(fw$warnings)) paste0(", ", length(fw$warnings), " warnings: ", paste(fw$warnings, collapse = " | ")) else "", ")\n")
}

cat(length(cases), "cases from", tried, "candidates;", length(failures), "candidates failed\n")
for (f in failures) cat("  candidate", f$candidate, ":", f$reason, "\n")
write_json_file(list(
  reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
  base_seed = BASE.SEED, candidates = tried, cases = I(cases),
  lavaan_failures = failures, lavaan_nonconverged = nonconverged), file.path(out.dir, "summary.json"))
