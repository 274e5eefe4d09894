# Produces the robust full-information ML reference cases in tests/SemLib.Tests/Reference/robust-fiml/: lavaan fits with
# estimator = "MLR" (Huber-White SEs from casewise scores of the incomplete rows with the observed information, the
# Yuan-Bentler Mplus test with the h1 parts from the EM saturated model) and missing = "ml" / "ml.x", in the format of
# Reference/robust-fit (case.json: every parameterEstimates() row with standardized values, every fitMeasures() value in
# lavaan's order, R², fit@test). The data are those of the FIML cases (data.ref), except where a column is added.
# Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-robust-fiml-cases.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite. Tests never run R: they read the committed JSON.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/robust-fiml"
script <- "tests/SemLib.Tests/Reference/scripts/make-robust-fiml-cases.R"
ref <- "tests/SemLib.Tests/Reference"

num <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), x, NA) }

fit_case <- function(call, model, data, options) do.call(call, c(list(model = model, data = data), options))

# data.ref: the data file of another case (relative to this case's folder) instead of a copy of its own.
write_case <- function(name, description, call, model, data, options = list(), data.ref = NULL, time = FALSE) {
  fit <- fit_case(call, model, data, options)
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
  tests <- lapply(fit@test, function(t) list(test = t$test, stat = num(t$stat), df = num(t$df), pvalue = num(t$pvalue),
    scaling.factor = num(if (is.null(t$scaling.factor)) NA else t$scaling.factor),
    trace.UGamma = num(if (is.null(t$trace.UGamma)) NA else t$trace.UGamma),
    scaling.factor.h1 = num(if (is.null(t$scaling.factor.h1)) NA else t$scaling.factor.h1),
    scaling.factor.h0 = num(if (is.null(t$scaling.factor.h0)) NA else t$scaling.factor.h0)))
  case <- list(
    name = name, description = description,
    reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    call = call, options = options, model = model, data = if (is.null(data.ref)) "data.csv" else data.ref,
    sample_cov = NULL, sample_nobs = NULL,
    lavaan_options = list(se = o$se, test = o$test, information = o$information, observed.information = o$observed.information,
                          h1.information = o$h1.information, missing = o$missing, fixed.x = o$fixed.x),
    converged = lavInspect(fit, "converged"), nobs = lavInspect(fit, "nobs"),
    tests = unname(tests),
    parameters = params, fit_measures = setNames(lapply(fm, num), names(fm)),
    r2 = if (ng > 1) lapply(r2, function(x) as.list(setNames(num(x), names(x)))) else as.list(setNames(num(r2), names(r2))),
    implied = NULL, lavaan_ms_per_fit = NULL)
  if (time) {
    t <- system.time(for (k in 1:3) fit_case(call, model, data, options))[["elapsed"]]
    case$lavaan_ms_per_fit <- 1000 * t / 3
    cat(name, ": lavaan ms per fit", case$lavaan_ms_per_fit, "\n")
  }
  dir.create(file.path(out.dir, name), recursive = TRUE, showWarnings = FALSE)
  target <- file.path(out.dir, name, "data.csv")
  if (!is.null(data.ref)) { if (file.exists(target)) file.remove(target) }
  else write.csv(data, target, row.names = FALSE, na = "")
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, name, "case.json"))
  cat("wrote", name, "\n")
  invisible(fit)
}

three <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"
hs.file <- file.path(ref, "missing/hs-cfa-fiml/data.csv")
hs <- read.csv(hs.file)
write_case("hs-fiml-mlr", "The shared hs-cfa-fiml CFA (about 8% of each item missing), MLR with missing = ml.", "cfa",
  three, hs, list(estimator = "MLR", missing = "ml"), data.ref = "../../missing/hs-cfa-fiml/data.csv")
write_case("hs-fiml-mlr-groups", "The hs-cfa-fiml CFA in two groups (school), MLR with missing = ml.", "cfa",
  three, hs, list(estimator = "MLR", missing = "ml", group = "school"), data.ref = "../../missing/hs-cfa-fiml/data.csv")
write_case("hs-fiml-se-robust", "The hs-cfa-fiml CFA, ML with se = \"robust\" and missing = ml (lavaan: robust.huber.white, the standard test).", "cfa",
  three, hs, list(se = "robust", missing = "ml"), data.ref = "../../missing/hs-cfa-fiml/data.csv")
# A made-up cluster column: 30 "classes" of about 10 pupils, by id.
hsc <- hs[, c("id", "school", paste0("x", 1:9))]
hsc$class <- paste0("c", (hsc$id %% 30) + 1)
write_case("hs-fiml-mlr-cluster", "The hs-cfa-fiml CFA, MLR with missing = ml and a single-level cluster (30 made-up classes by id).", "cfa",
  three, hsc, list(estimator = "MLR", missing = "ml", cluster = "class"))
write_case("hs-fiml-mlr-groups-cluster", "The hs-cfa-fiml CFA in two groups (school) with the made-up classes as clusters within groups, MLR with missing = ml.", "cfa",
  three, hsc, list(estimator = "MLR", missing = "ml", group = "school", cluster = "class"), data.ref = "../hs-fiml-mlr-cluster/data.csv")

cov.model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual + textual ~ ageyr + sex\n"
hsx <- read.csv(file.path(ref, "fiml/hs-fiml-covariate-mlx/data.csv"))
write_case("hs-fiml-covariate-mlr", "Factors regressed on fixed.x covariates ageyr and sex (20 ageyr values missing, those rows dropped), MLR with missing = ml.", "sem",
  cov.model, hsx, list(estimator = "MLR", missing = "ml"), data.ref = "../../fiml/hs-fiml-covariate-mlx/data.csv")
write_case("hs-fiml-covariate-mlx-mlr", "Factors regressed on ageyr and sex, MLR with missing = ml.x (rows missing ageyr kept, the covariates random).", "sem",
  cov.model, hsx, list(estimator = "MLR", missing = "ml.x"), data.ref = "../../fiml/hs-fiml-covariate-mlx/data.csv")

pd <- read.csv(file.path(ref, "fiml/poldem-fiml/data.csv"))
write_case("poldem-fiml-mlr", "Political democracy SEM with labelled equal loadings and residual covariances, cells of y2..y8 deleted MAR given x1; MLR with missing = ml.", "sem",
  paste0("ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + a*y2 + b*y3 + c*y4\ndem65 =~ y5 + a*y6 + b*y7 + c*y8\n",
         "dem60 ~ ind60\ndem65 ~ ind60 + dem60\ny1 ~~ y5\ny2 ~~ y4 + y6\ny3 ~~ y7\ny4 ~~ y8\ny6 ~~ y8\n"),
  pd, list(estimator = "MLR", missing = "ml"), data.ref = "../../fiml/poldem-fiml/data.csv")

bfi <- read.csv(file.path(ref, "fiml/bfi-fiml/data.csv"))
bfi.model <- "A =~ A1 + A2 + A3 + A4 + A5\nC =~ C1 + C2 + C3 + C4 + C5\nE =~ E1 + E2 + E3 + E4 + E5\nN =~ N1 + N2 + N3 + N4 + N5\nO =~ O1 + O2 + O3 + O4 + O5\n"
write_case("bfi-fiml-mlr", "psych::bfi, 25 items, 2800 rows, scattered missing cells; five-factor CFA, MLR with missing = ml (the robust FIML benchmark).", "cfa",
  bfi.model, bfi, list(estimator = "MLR", missing = "ml"), data.ref = "../../fiml/bfi-fiml/data.csv", time = TRUE)

# Scaled chi-square difference tests of nested MLR + FIML fits: lavTestLRT(m1, m0) with its default method for these
# tests (satorra.bentler.2001), in lrt/*.json (the format of Reference/robust-fit/lrt).
dir.create(file.path(out.dir, "lrt"), recursive = TRUE, showWarnings = FALSE)
write_lrt <- function(name, description, models, options) {
  fits <- lapply(models, function(m) fit_case("cfa", m, hs, options))
  lrt <- do.call(lavTestLRT, unname(fits))
  rows <- lapply(seq_len(nrow(lrt)), function(i) list(
    Df = num(lrt$Df[i]), AIC = num(lrt$AIC[i]), BIC = num(lrt$BIC[i]), Chisq = num(lrt$Chisq[i]),
    Chisq.diff = num(lrt[["Chisq diff"]][i]), Df.diff = num(lrt[["Df diff"]][i]), Pr = num(lrt[["Pr(>Chisq)"]][i])))
  sb <- lavaan:::lav_test_diff_SatorraBentler2001(fits[[1]], fits[[2]])
  case <- list(name = name, description = description,
    reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    heading = attr(lrt, "heading"), models = models, options = options, data = "../../missing/hs-cfa-fiml/data.csv",
    rows = rows, scaling_factor = num(sb$scaling.factor), chisq_diff_scaled = num(sb$T.delta), df_diff = num(sb$df.delta))
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, "lrt", paste0(name, ".json")))
  print(lrt)
}
three.equal <- "visual =~ x1 + c(a2, a2)*x2 + c(a3, a3)*x3\ntextual =~ x4 + c(a5, a5)*x5 + c(a6, a6)*x6\nspeed =~ x7 + c(a8, a8)*x8 + c(a9, a9)*x9\n"
write_lrt("hs-fiml-orthogonal-mlr", "Three correlated factors against orthogonal factors, MLR with missing = ml (hs-cfa-fiml data).",
  list(three, paste0(three, "visual ~~ 0*textual + 0*speed\ntextual ~~ 0*speed\n")), list(estimator = "MLR", missing = "ml"))
write_lrt("hs-fiml-groups-metric-mlr", "Configural against metric (equal loadings) in two groups (school), MLR with missing = ml.",
  list(three, three.equal), list(estimator = "MLR", missing = "ml", group = "school"))
