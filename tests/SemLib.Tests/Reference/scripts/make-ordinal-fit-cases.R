# Produces the reference cases in tests/SemLib.Tests/Reference/ordinal-fit/: whole lavaan fits with ordered
# (categorical) items, in the format of Reference/robust-fit (case.json + data.csv: every parameterEstimates() row with
# standardized values and the free flag, every fitMeasures() value under lavaan's names, R², the tests list), plus for
# the ordinal estimators, per group:
#   wls_obs, wls_obs_names = lavInspect(fit, "wls.obs") (thresholds — for a continuous variable its -mean —, variances
#                            of continuous variables, then the off-diagonal correlations/covariances column by column)
#   wls_est                = lavInspect(fit, "wls.est") (the same statistics implied by the fitted model)
#   wls_v_diag             = diag(lavInspect(fit, "wls.v")) (the weights; for estimator "WLS" the full matrix is in wls_v)
#   delta                  = the scale factors Delta (1 / sd of each latent response; 1 for a continuous variable):
#                            lavInspect(fit, "est")$delta, named by variable (NOT lavInspect(fit, "delta"), which is
#                            the Jacobian d wls.est / d theta: that one is written as jacobian / jacobian_rows /
#                            jacobian_cols for the small HS cases only)
#   implied                = lavInspect(fit, "implied"): cov (latent-response scale), mean, th (with names)
# and once per case catml = the intermediate values of lavaan's robust CFI/TLI/RMSEA for categorical data
# (lavaan:::lav_fit_catml_dwls: XX3, df3, c.hat3, XX3.scaled, XX3.null, df3.null, c.hat3.null),
# and summary.txt = capture.output(summary(fit, fit.measures = TRUE)) for checking the CLI's printed layout.
# Each case also records lavaan's warnings (warnings), the options passed (options: ordered as a list of names,
# parameterization, missing, group, group.equal where used) and lavaan's resolved options (lavaan_options).
# Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-ordinal-fit-cases.R
# Needs R 4.2 with lavaan 0.6.14, psych and jsonlite. Tests never run R: they read the committed files.
#
# What each case exercises:
#   hs-cfa-wlsmv          HS x1..x9 cut into five categories (the shared hs-cfa-ordinal data), 3-factor CFA, all ordered,
#                         default WLSMV (DWLS, robust.sem SEs, scaled.shifted test), delta parameterization; must
#                         reproduce /work/shared/reference/lavaan/hs-cfa-ordinal (checked below when that file exists).
#   hs-cfa-theta          the same with parameterization = "theta" (residual variances of latent responses fixed to 1,
#                         scale factors free/derived).
#   hs-cfa-dwls           estimator = "DWLS": standard SEs (expected information, no sandwich) and the standard test.
#   hs-cfa-ulsmv          estimator = "ULSMV": unit weights, robust SEs, scaled.shifted test.
#   hs-cfa-wls            estimator = "WLS": the full weight matrix (inverse of Gamma), standard SEs and test.
#   hs-mixed              x1..x6 ordered, x7..x9 the original continuous scores: polyserial correlations, means and
#                         variances of continuous variables in wls.obs, WLSMV.
#   hs-groups-wlsmv       two groups (school), configural, WLSMV.
#   hs-groups-thresholds  two groups, group.equal = c("thresholds", "loadings"), WLSMV (delta parameterization: the
#                         second group's scale factors and latent means/variances are freed by lavaan).
#   hs-groups-theta       two groups, parameterization = "theta", group.equal = c("thresholds", "loadings").
#   hs-pairwise           about 8% of the item cells set missing (set.seed 20261206), missing = "pairwise", WLSMV.
#   study-wlsmv           the 218-firm study's structural model (29 five-point items, second-order factor, labelled
#                         regressions), all items ordered, WLSMV; lavaan_ms_per_fit = mean of 3 fits.
#   bfi-wlsmv             psych::bfi 25 six-point items (2800 rows with NAs, lavaan's listwise default keeps 2436),
#                         5-factor CFA, all ordered, WLSMV; lavaan_ms_per_fit = mean of 3 fits.
#   sem-regression-wlsmv  HS ordinal: latent regression speed ~ visual + textual and a correlated residual x2 ~~ x3, WLSMV.
#   sem-equality-wlsmv    the same with equality labels (loadings a*x5 + a*x6, regression b*visual + b*textual), WLSMV.
#   hs-binary-wlsmv       HS x1..x9 dichotomised (hs5 >= 3 -> 1 else 0), 3-factor CFA, WLSMV (2x2 polychoric tables).
# No case has observed exogenous covariates (lavaan would switch to conditional.x = TRUE with ordinal data).
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/ordinal-fit"
script <- "tests/SemLib.Tests/Reference/scripts/make-ordinal-fit-cases.R"
shared.ordinal <- "/work/shared/reference/lavaan/hs-cfa-ordinal"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)

num <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), x, NA) }
rows.of <- function(m) lapply(seq_len(nrow(m)), function(i) num(m[i, ]))
per.group <- function(x, ng) if (ng == 1L) list(x) else x
# Options as written to JSON: ordered (and group.equal) always arrays, even with one name.
json.options <- function(options) {
  for (k in c("ordered", "group.equal")) if (!is.null(options[[k]])) options[[k]] <- I(as.character(options[[k]]))
  options
}

fit_case <- function(call, model, data, options) do.call(call, c(list(model = model, data = data), options))

fit_with_warnings <- function(call, model, data, options) {
  warns <- character(0)
  fit <- withCallingHandlers(fit_case(call, model, data, options),
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  list(fit = fit, warnings = warns)
}

test_entry <- function(t) {
  get <- function(k) if (is.null(t[[k]])) NA else t[[k]]
  list(test = t$test, label = if (is.null(t$label)) "" else t$label,
       stat = num(t$stat), stat.group = I(num(get("stat.group"))), df = num(t$df), pvalue = num(t$pvalue),
       scaling.factor = num(get("scaling.factor")), shift.parameter = if (is.null(t$shift.parameter)) NA else I(num(t$shift.parameter)),
       trace.UGamma = num(get("trace.UGamma")), trace.UGamma2 = num(get("trace.UGamma2")),
       scaled.test.stat = num(get("scaled.test.stat")))
}

# The intermediate values of lavaan's robust CFI/TLI/RMSEA for categorical data (lav_fit_catml_dwls: the ML
# discrepancy of the polychoric matrix at the DWLS estimates, XX3 with df3 and its correction c.hat3, and the same for
# the independence model); all NA when a continuous variable is present (lavaan then gives no robust CFI/RMSEA).
catml <- function(fit) {
  if (lavInspect(fit, "options")$estimator == "ML") return(NULL)
  out <- lavaan:::lav_fit_catml_dwls(fit)
  lapply(out, num)
}

# lavaan's conventions for these fits, checked on every case (the report of the branch explains them):
#   standard test, group g: T_g = (n_g - 1) (s_g - sigma_g)' W_g (s_g - sigma_g) (the DWLS/WLS/ULS fit function is
#     0.5 (n_g - 1)/n_g times the quadratic form); T = sum T_g; fmin = T / (2 N)
#   vcov (no equality constraints): with E = sum_g (n_g/N) Delta_g' W_g Delta_g, robust.sem
#     E^-1 [sum_g (n_g/N) Delta_g' W_g Gamma_g W_g Delta_g] E^-1 / (N - G), standard E^-1 / (N - G) (N - G, not N)
#   RMSEA uses N - G (not N): sqrt(max(T/((N - G) df) - 1/(N - G), 0)) sqrt(G)
#   scaled.shifted: a = sqrt(df / tr((U Gamma)^2)), scaling.factor = 1/a, shift b = df - a tr(U Gamma),
#     T.scaled = a T + b, stat.group[g] = a T_g + (n_g / N) b
#   robust CFI / RMSEA (all items ordered, no equality constraint on thresholds): from catml (see catml())
#     cfi.robust = 1 - max(XX3 - c.hat3 df, 0) / max(XX3 - c.hat3 df, XX3.null - c.hat3.null df.null, 0)
#     rmsea.robust = sqrt(max(XX3 / ((N - G) df3) - c.hat3 / (N - G), 0)) sqrt(G)
check_conventions <- function(name, fit) {
  ng <- lavInspect(fit, "ngroups"); nobs <- lavInspect(fit, "nobs"); N <- sum(nobs)
  fm <- fitMeasures(fit); std <- fit@test[[1]]
  wo <- per.group(lavInspect(fit, "wls.obs"), ng); we <- per.group(lavInspect(fit, "wls.est"), ng)
  wv <- per.group(lavInspect(fit, "wls.v"), ng)
  q <- sapply(seq_len(ng), function(g) { r <- wo[[g]] - we[[g]]; as.numeric(t(r) %*% unclass(wv[[g]]) %*% r) })
  close <- function(a, b, what) if (abs(a - b) > 1e-6 * max(1, abs(b))) stop(name, ": ", what, " ", a, " vs lavaan ", b)
  for (g in seq_len(ng)) close((nobs[g] - 1) * q[g], std$stat.group[g], "T_g")
  close(std$stat / (2 * N), fm[["fmin"]], "fmin")
  close(sqrt(max(std$stat / ((N - ng) * std$df) - 1 / (N - ng), 0)) * sqrt(ng), fm[["rmsea"]], "rmsea")
  if (!any(parTable(fit)$op == "==")) {
    Dl <- lavTech(fit, "delta"); W <- lavTech(fit, "wls.v"); G <- lavTech(fit, "gamma")
    E <- Reduce(`+`, lapply(seq_len(ng), function(g) nobs[g] / N * t(Dl[[g]]) %*% W[[g]] %*% Dl[[g]]))
    Ei <- solve(E)
    V <- if (lavInspect(fit, "options")$se == "robust.sem") {
      B <- Reduce(`+`, lapply(seq_len(ng), function(g) nobs[g] / N * t(Dl[[g]]) %*% W[[g]] %*% G[[g]] %*% W[[g]] %*% Dl[[g]]))
      Ei %*% B %*% Ei / (N - ng)
    } else Ei / (N - ng)
    L <- unclass(vcov(fit))
    if (max(abs(V - L)) > 1e-8 * max(abs(L))) stop(name, ": vcov formula")
  }
  ss <- fit@test$scaled.shifted
  if (!is.null(ss)) {
    a <- sqrt(ss$df / ss$trace.UGamma2)
    close(1 / a, ss$scaling.factor, "scaling.factor"); close(ss$df - a * ss$trace.UGamma, ss$shift.parameter, "shift")
    for (g in seq_len(ng)) close(a * std$stat.group[g] + nobs[g] / N * ss$shift.parameter, ss$stat.group[g], "scaled T_g")
    cm <- lavaan:::lav_fit_catml_dwls(fit)
    if (!is.na(cm$XX3)) {
      df <- std$df
      cfi <- 1 - max(cm$XX3 - cm$c.hat3 * df, 0) / max(cm$XX3 - cm$c.hat3 * df, cm$XX3.null - cm$c.hat3.null * fm[["baseline.df"]], 0)
      close(cfi, fm[["cfi.robust"]], "cfi.robust")
      close(sqrt(max(cm$XX3 / ((N - ng) * cm$df3) - cm$c.hat3 / (N - ng), 0)) * sqrt(ng), fm[["rmsea.robust"]], "rmsea.robust")
    }
  }
}

# data.ref: the data file of another case (relative to this case's folder) instead of a copy of its own.
# jacobian: also write lavInspect(fit, "delta") (only for the small cases).
write_case <- function(name, description, call, model, data, options = list(), data.file = NULL, data.ref = NULL,
                       jacobian = TRUE, time = FALSE) {
  fw <- fit_with_warnings(call, model, data, options)
  fit <- fw$fit
  if (!lavInspect(fit, "converged")) stop(name, ": lavaan did not converge")
  check_conventions(name, fit)
  pe <- parameterEstimates(fit, standardized = TRUE, remove.eq = FALSE, remove.ineq = FALSE)
  pt <- parTable(fit)
  if (is.null(pe$group)) pe$group <- 1L
  if (is.null(pe$label)) pe$label <- ""
  key.pe <- paste(pe$lhs, pe$op, pe$rhs, pe$group)
  key.pt <- paste(pt$lhs, pt$op, pt$rhs, pt$group)
  free <- pt$free[match(key.pe, key.pt)] > 0
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
  o <- lavInspect(fit, "options")
  labels <- if (ng > 1L) lavInspect(fit, "group.label") else ""
  nobs <- lavInspect(fit, "nobs")
  wo <- per.group(lavInspect(fit, "wls.obs"), ng)
  we <- per.group(lavInspect(fit, "wls.est"), ng)
  wv <- per.group(lavInspect(fit, "wls.v"), ng)
  imp <- per.group(lavInspect(fit, "implied"), ng)
  est <- per.group(lavInspect(fit, "est"), ng)
  jac <- if (jacobian) per.group(lavInspect(fit, "delta"), ng) else NULL
  groups <- lapply(seq_len(ng), function(g) {
    ov <- rownames(imp[[g]]$cov)
    dl <- est[[g]]$delta
    W <- unclass(wv[[g]])
    grp <- list(label = labels[g], nobs = nobs[g],
      wls_obs = num(wo[[g]]), wls_obs_names = names(wo[[g]]),
      wls_est = num(we[[g]]),
      wls_v_diag = num(diag(W)),
      delta = if (is.null(dl)) NULL else as.list(setNames(num(dl), rownames(dl))),
      implied = list(names = ov, cov = rows.of(unclass(imp[[g]]$cov)),
                     mean = num(imp[[g]]$mean), th = num(imp[[g]]$th), th_names = names(imp[[g]]$th)))
    if (o$estimator == "WLS") grp$wls_v <- rows.of(W)
    if (jacobian) {
      J <- unclass(jac[[g]])
      grp$jacobian_rows <- rownames(J); grp$jacobian_cols <- colnames(J); grp$jacobian <- rows.of(J)
    }
    grp
  })
  case <- list(
    name = name, description = description,
    reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    call = call, options = json.options(options), model = model,
    data = if (is.null(data.ref)) "data.csv" else data.ref,
    lavaan_options = list(estimator = o$estimator, parameterization = o$parameterization, se = o$se, test = I(o$test),
                          information = I(o$information), h1.information = I(o$h1.information),
                          observed.information = I(o$observed.information), missing = o$missing,
                          conditional.x = o$conditional.x, fixed.x = o$fixed.x, meanstructure = o$meanstructure,
                          std.lv = o$std.lv, zero.add = I(o$zero.add), zero.keep.margins = o$zero.keep.margins,
                          group.equal = I(o$group.equal)),
    ordered = I(lavNames(fit, "ov.ord")),
    converged = lavInspect(fit, "converged"), iterations = lavInspect(fit, "iterations"),
    nobs = nobs, ntotal = lavInspect(fit, "ntotal"), norig = I(lavInspect(fit, "norig")),
    warnings = I(fw$warnings),
    tests = unname(lapply(fit@test, test_entry)),
    parameters = params, fit_measures = setNames(lapply(fm, num), names(fm)),
    r2 = if (ng > 1) lapply(r2, function(x) as.list(setNames(num(x), names(x)))) else as.list(setNames(num(r2), names(r2))),
    groups = groups, catml = catml(fit), lavaan_ms_per_fit = NULL)
  if (time) {
    t <- system.time(for (k in 1:3) suppressWarnings(fit_case(call, model, data, options)))[["elapsed"]]
    case$lavaan_ms_per_fit <- 1000 * t / 3
  }
  dir.create(file.path(out.dir, name), recursive = TRUE, showWarnings = FALSE)
  target <- file.path(out.dir, name, "data.csv")
  if (!is.null(data.ref)) { if (file.exists(target)) file.remove(target) }
  else if (is.null(data.file)) write.csv(data, target, row.names = FALSE, na = "")
  else if (normalizePath(data.file) != normalizePath(target, mustWork = FALSE)) file.copy(data.file, target, overwrite = TRUE)
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, name, "case.json"))
  writeLines(capture.output(summary(fit, fit.measures = TRUE)), file.path(out.dir, name, "summary.txt"))
  cat("wrote", name, if (length(fw$warnings)) paste0("(", length(fw$warnings), " warnings)") else "", "\n")
  invisible(fit)
}

items <- paste0("x", 1:9)
three <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"

# The HS items cut into five categories, exactly the shared hs-cfa-ordinal data (id, sex, ..., school, grade, x1..x9).
# Its copy in this folder is the source of truth once committed.
hs5.file <- file.path(out.dir, "hs-cfa-wlsmv", "data.csv")
if (!file.exists(hs5.file)) hs5.file <- file.path(shared.ordinal, "data.csv")
hs5 <- read.csv(hs5.file)
hs5.ref <- "../hs-cfa-wlsmv/data.csv"

write_case("hs-cfa-wlsmv", "HS 3-factor CFA on x1..x9 cut into five ordered categories (the hs-cfa-ordinal data), all ordered, WLSMV (delta parameterization).",
  "cfa", three, hs5, list(ordered = items), data.file = hs5.file) -> fit1
# Must reproduce the shared reference case (when that file is there).
if (file.exists(file.path(shared.ordinal, "case.json"))) {
  ref <- fromJSON(file.path(shared.ordinal, "case.json"), simplifyVector = FALSE)
  pe <- parameterEstimates(fit1)
  ref.est <- sapply(ref$parameters, function(p) { i <- which(pe$lhs == p$lhs & pe$op == p$op & pe$rhs == p$rhs); pe$est[i] - p$est })
  ref.se <- sapply(ref$parameters, function(p) { i <- which(pe$lhs == p$lhs & pe$op == p$op & pe$rhs == p$rhs); pe$se[i] - p$se })
  fm <- fitMeasures(fit1)
  ref.fm <- sapply(names(ref$fit_measures), function(k) { v <- ref$fit_measures[[k]]; if (is.null(v)) 0 else fm[[k]] - v })
  cat("hs-cfa-wlsmv vs shared hs-cfa-ordinal: max |d est| =", max(abs(ref.est)), ", max |d se| =", max(abs(ref.se)),
      ", max |d fit measure| =", max(abs(ref.fm), na.rm = TRUE), "\n")
  stopifnot(max(abs(ref.est)) < 1e-8, max(abs(ref.se)) < 1e-8, max(abs(ref.fm), na.rm = TRUE) < 1e-6)
}
write_case("hs-cfa-theta", "HS ordinal 3-factor CFA, WLSMV with parameterization = \"theta\".",
  "cfa", three, hs5, list(ordered = items, parameterization = "theta"), data.ref = hs5.ref)
write_case("hs-cfa-dwls", "HS ordinal 3-factor CFA, estimator = \"DWLS\" (standard SEs, standard test).",
  "cfa", three, hs5, list(ordered = items, estimator = "DWLS"), data.ref = hs5.ref)
write_case("hs-cfa-ulsmv", "HS ordinal 3-factor CFA, estimator = \"ULSMV\" (unit weights, robust SEs, scaled-shifted test).",
  "cfa", three, hs5, list(ordered = items, estimator = "ULSMV"), data.ref = hs5.ref)
write_case("hs-cfa-wls", "HS ordinal 3-factor CFA, estimator = \"WLS\" (full weight matrix = inverse of Gamma; wls_v written in full).",
  "cfa", three, hs5, list(ordered = items, estimator = "WLS"), data.ref = hs5.ref)

# Mixed: x1..x6 ordered (cut), x7..x9 the original continuous HS scores (matched by id): polyserial correlations.
hs.orig <- lavaan::HolzingerSwineford1939
mixed <- hs5[, c("id", "school", paste0("x", 1:6))]
mixed <- cbind(mixed, hs.orig[match(hs5$id, hs.orig$id), c("x7", "x8", "x9")])
stopifnot(!anyNA(mixed))
write_case("hs-mixed", "HS 3-factor CFA: x1..x6 cut into five ordered categories, x7..x9 the original continuous scores (polyserial correlations), WLSMV.",
  "cfa", three, mixed, list(ordered = paste0("x", 1:6)))

# Two groups (school). Every category of every item occurs in both schools (checked).
for (v in items) stopifnot(all(table(hs5$school, hs5[[v]]) > 0))
write_case("hs-groups-wlsmv", "HS ordinal 3-factor CFA in two groups (school), configural, WLSMV.",
  "cfa", three, hs5, list(ordered = items, group = "school"), data.ref = hs5.ref)
write_case("hs-groups-thresholds", "HS ordinal 3-factor CFA in two groups, group.equal = c(\"thresholds\", \"loadings\"), WLSMV (delta parameterization).",
  "cfa", three, hs5, list(ordered = items, group = "school", group.equal = c("thresholds", "loadings")), data.ref = hs5.ref)
write_case("hs-groups-theta", "HS ordinal 3-factor CFA in two groups, parameterization = \"theta\", group.equal = c(\"thresholds\", \"loadings\"), WLSMV.",
  "cfa", three, hs5, list(ordered = items, group = "school", group.equal = c("thresholds", "loadings"), parameterization = "theta"),
  data.ref = hs5.ref)

# Pairwise missing: each item cell missing with probability 0.08 (deterministic seed), no row left empty.
set.seed(20261206)
gaps <- hs5[, c("id", items)]
mask <- matrix(runif(nrow(gaps) * 9) < 0.08, nrow(gaps), 9)
mask[rowSums(mask) == 9, 1] <- FALSE
for (j in 1:9) gaps[[items[j]]][mask[, j]] <- NA
cat("hs-pairwise: missing cells", sum(mask), "of", length(mask), "; complete rows", sum(rowSums(mask) == 0), "\n")
write_case("hs-pairwise", "HS ordinal 3-factor CFA with about 8% of the item cells missing (set.seed(20261206)), missing = \"pairwise\", WLSMV.",
  "cfa", three, gaps, list(ordered = items, missing = "pairwise"))

# The 218-firm study's structural model, all 29 five-point items ordered.
firms <- read.csv("tests/SemLib.Tests/Reference/robust-fit/study-structural-mlr/data.csv", check.names = FALSE)
structural <- paste("scale =~ sc1 + sc2 + sc3 + sc4", "centr =~ ce1 + ce2 + ce3 + ce4", "ties =~ ti1 + ti2 + ti3 + ti4",
  "acq =~ aq1 + aq2 + aq3 + aq4", "crea =~ cr1 + cr2 + cr3 + cr4", "proc =~ pr1 + pr2 + pr3",
  "prod =~ pd1 + pd2 + pd3", "func =~ fu1 + fu2 + fu3", "upg =~ proc + prod + func",
  "acq ~ a1*scale + a2*centr + a3*ties", "crea ~ c1*scale + c2*centr + c3*ties + d*acq", "upg ~ b1*acq + b2*crea", sep = "\n")
study.items <- c(paste0("sc", 1:4), paste0("ce", 1:4), paste0("ti", 1:4), paste0("aq", 1:4), paste0("cr", 1:4),
                 paste0("pr", 1:3), paste0("pd", 1:3), paste0("fu", 1:3))
write_case("study-wlsmv", "218-firm study: structural model (29 five-point items, all ordered, second-order factor, labelled regressions), WLSMV.",
  "sem", structural, firms, list(ordered = study.items), data.ref = "../../robust-fit/study-structural-mlr/data.csv",
  jacobian = FALSE, time = TRUE)

# psych::bfi: the 25 six-point items of all 2800 rows (NAs kept: lavaan's listwise default leaves 2436), 5 factors.
bfi <- psych::bfi[, 1:25]
rownames(bfi) <- NULL
big5 <- paste0(sapply(c("A", "C", "E", "N", "O"), function(f) paste0(f, "f =~ ", paste0(f, 1:5, collapse = " + "))), collapse = "\n")
write_case("bfi-wlsmv", "psych::bfi 25 six-point items (2800 rows, listwise deletion to 2436), 5-factor CFA (Af..Of), all ordered, WLSMV.",
  "cfa", big5, bfi, list(ordered = names(bfi)), jacobian = FALSE, time = TRUE)

# Latent SEM on the ordinal HS items: a regression among latents and a correlated residual; then equality labels.
regression <- paste0(three, "speed ~ visual + textual\nx2 ~~ x3\n")
write_case("sem-regression-wlsmv", "HS ordinal items: 3 factors, speed ~ visual + textual, correlated residual x2 ~~ x3, WLSMV.",
  "sem", regression, hs5, list(ordered = items), data.ref = hs5.ref)
equality <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + a*x5 + a*x6\nspeed =~ x7 + x8 + x9\nspeed ~ b*visual + b*textual\nx2 ~~ x3\n"
write_case("sem-equality-wlsmv", "HS ordinal items: as sem-regression-wlsmv with equality labels (textual =~ a*x5 + a*x6, speed ~ b*visual + b*textual), WLSMV.",
  "sem", equality, hs5, list(ordered = items), data.ref = hs5.ref)

# Binary items: the five-category HS items dichotomised at category 3 (1, 2 -> 0; 3, 4, 5 -> 1).
binary <- hs5[, c("id", items)]
for (v in items) binary[[v]] <- as.integer(hs5[[v]] >= 3)
write_case("hs-binary-wlsmv", "HS x1..x9 dichotomised (five-category code >= 3 -> 1, else 0), 3-factor CFA, all ordered (binary), WLSMV.",
  "cfa", three, binary, list(ordered = items))
