# Produces the reference cases in tests/SemLib.Tests/Reference/robust-fit/: whole lavaan fits with robust standard
# errors and scaled tests on complete data (estimator = "MLM", "MLR", ML with test = "satorra.bentler", MLR with a
# single-level cluster), in the format of Reference/lavaan (case.json + data.csv: every parameterEstimates() row with
# standardized values, every fitMeasures() value in lavaan's order, R²), and the scaled chi-square difference tests
# of nested models (lavTestLRT's default, method "satorra.bentler.2001") in lrt/*.json. Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-robust-fit-cases.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite. Tests never run R: they read the committed JSON.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/robust-fit"
script <- "tests/SemLib.Tests/Reference/scripts/make-robust-fit-cases.R"
HS <- lavaan::HolzingerSwineford1939
PD <- lavaan::PoliticalDemocracy

num <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), x, NA) }

fit_case <- function(call, model, data, options) do.call(call, c(list(model = model, data = data), options))

# data.ref: the data file of another case (relative to this case's folder) instead of a copy of its own.
write_case <- function(name, description, call, model, data, options = list(), data.file = NULL, data.ref = NULL) {
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
  cat(name, ": fitMeasures names:", paste(names(fm), collapse = " "), "\n")
  r2 <- lavInspect(fit, "r2")
  ng <- lavInspect(fit, "ngroups")
  o <- lavInspect(fit, "options")
  tests <- lapply(fit@test, function(t) list(test = t$test, stat = num(t$stat), df = num(t$df), pvalue = num(t$pvalue),
    scaling.factor = num(if (is.null(t$scaling.factor)) NA else t$scaling.factor),
    trace.UGamma = num(if (is.null(t$trace.UGamma)) NA else t$trace.UGamma)))
  case <- list(
    name = name, description = description,
    reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    call = call, options = options, model = model, data = if (is.null(data.ref)) "data.csv" else data.ref,
    sample_cov = NULL, sample_nobs = NULL,
    lavaan_options = list(se = o$se, test = o$test, information = o$information, observed.information = o$observed.information,
                          h1.information = o$h1.information),
    converged = lavInspect(fit, "converged"), nobs = lavInspect(fit, "nobs"),
    tests = unname(tests),
    parameters = params, fit_measures = setNames(lapply(fm, num), names(fm)),
    r2 = if (ng > 1) lapply(r2, function(x) as.list(setNames(num(x), names(x)))) else as.list(setNames(num(r2), names(r2))),
    implied = NULL, lavaan_ms_per_fit = NULL)
  if (name == "study-structural-mlr") {
    t <- system.time(for (k in 1:3) fit_case(call, model, data, options))[["elapsed"]]
    case$lavaan_ms_per_fit <- 1000 * t / 3
  }
  dir.create(file.path(out.dir, name), recursive = TRUE, showWarnings = FALSE)
  target <- file.path(out.dir, name, "data.csv")
  if (!is.null(data.ref)) { if (file.exists(target)) file.remove(target) }
  else if (is.null(data.file)) write.csv(data, target, row.names = FALSE, na = "")
  else if (normalizePath(data.file) != normalizePath(target, mustWork = FALSE)) file.copy(data.file, target, overwrite = TRUE)
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, name, "case.json"))
  cat("wrote", name, "\n")
  fit
}

hs <- HS[, c("id", "sex", "ageyr", "school", "grade", paste0("x", 1:9))]
# A made-up cluster column for the cluster-robust cases: 30 "classes" of about 10 pupils, by id.
hs$class <- paste0("c", (hs$id %% 30) + 1)
three <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"
three.equal <- "visual =~ x1 + c(a2, a2)*x2 + c(a3, a3)*x3\ntextual =~ x4 + c(a5, a5)*x5 + c(a6, a6)*x6\nspeed =~ x7 + c(a8, a8)*x8 + c(a9, a9)*x9\n"
mimic <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual + textual ~ sex + ageyr\n"
poldem <- "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + y2 + y3 + y4\ndem65 =~ y5 + y6 + y7 + y8\ndem60 ~ a*ind60\ndem65 ~ c*ind60 + b*dem60\ny1 ~~ y5\ny2 ~~ y4 + y6\ny3 ~~ y7\ny4 ~~ y8\ny6 ~~ y8\nindirect := a*b\ntotal := c + a*b\n"

write_case("hs-cfa-mlm", "HS 3-factor CFA, MLM (robust.sem SEs, Satorra-Bentler test).", "cfa", three, hs, list(estimator = "MLM"))
write_case("hs-cfa-mlr", "HS 3-factor CFA, MLR (Huber-White SEs from the observed information, Yuan-Bentler Mplus test).", "cfa", three, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(estimator = "MLR"))
write_case("hs-cfa-mlr-means", "HS 3-factor CFA, MLR with a mean structure.", "cfa", three, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(estimator = "MLR", meanstructure = TRUE))
write_case("hs-cfa-ml-sb", "HS 3-factor CFA, ML with test = satorra.bentler (standard SEs, scaled test).", "cfa", three, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(test = "satorra.bentler"))
write_case("hs-cfa-mlr-se-robust", "HS 3-factor CFA, MLR with se = \"robust\" (lavaan maps it to robust.sem and the expected information; the test stays yuan.bentler.mplus).", "cfa", three, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(estimator = "MLR", se = "robust"))
write_case("hs-cfa-ml-hw", "HS 3-factor CFA, ML with se = \"robust.huber.white\" (the observed information, as lavaan then sets it) and the standard test.", "cfa", three, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(se = "robust.huber.white"))
write_case("hs-cfa-mlm-groups", "HS CFA in two groups (school), MLM.", "cfa", three, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(estimator = "MLM", group = "school"))
write_case("hs-cfa-mlr-groups", "HS CFA in two groups (school), MLR.", "cfa", three, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(estimator = "MLR", group = "school"))
write_case("hs-cfa-mlr-groups-equal", "HS CFA in two groups with loadings equal across groups (labels), MLR.", "cfa", three.equal, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(estimator = "MLR", group = "school"))
write_case("hs-mimic-mlm", "MIMIC with fixed.x covariates sex and ageyr, MLM.", "sem", mimic, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(estimator = "MLM"))
write_case("hs-mimic-mlr", "MIMIC with fixed.x covariates sex and ageyr, MLR.", "sem", mimic, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(estimator = "MLR"))
write_case("poldem-mediation-mlr", "Political democracy mediation with defined indirect and total effects, MLR.", "sem", poldem, PD, list(estimator = "MLR"))
write_case("poldem-mediation-mlm", "Political democracy mediation with defined indirect and total effects, MLM.", "sem", poldem, PD, data.ref = "../poldem-mediation-mlr/data.csv", options = list(estimator = "MLM"))
write_case("hs-cfa-mlr-cluster", "HS 3-factor CFA, MLR with a single-level cluster (30 made-up classes by id).", "cfa", three, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(estimator = "MLR", cluster = "class"))
write_case("hs-mimic-mlr-cluster", "MIMIC with fixed.x covariates, MLR with a single-level cluster (30 made-up classes).", "sem", mimic, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(estimator = "MLR", cluster = "class"))
write_case("hs-cfa-mlr-groups-cluster", "HS CFA in two groups (school) with the made-up classes as clusters within groups, MLR, std.lv.", "cfa", three, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(estimator = "MLR", group = "school", cluster = "class", std.lv = TRUE))
write_case("hs-mimic-ml-sb-groups", "MIMIC with fixed.x covariates in two groups, ML with test = \"satorra.bentler\".", "sem", mimic, hs, data.ref = "../hs-cfa-mlm/data.csv", options = list(test = "satorra.bentler", group = "school"))
dt <- lavaan::Demo.twolevel
write_case("twolevel-single-mlr-cluster", "lavaan's Demo.twolevel, a single-level CFA of y1-y6 with cluster = \"cluster\" (200 clusters), MLR.", "cfa",
  "f =~ y1 + y2 + y3\ng =~ y4 + y5 + y6\n", dt[, c("cluster", paste0("y", 1:6))], list(estimator = "MLR", cluster = "cluster"))

# The 218-firm study (sem-29): the structural model on the sample program's complete CSV (as it was written before
# the sample simulated missing answers; the study's own cases in lavaan-extra now use the incomplete one), MLR.
firms.file <- "tests/SemLib.Tests/Reference/robust-fit/study-structural-mlr/data.csv"
firms <- read.csv(firms.file, check.names = FALSE)
structural <- paste("scale =~ sc1 + sc2 + sc3 + sc4", "centr =~ ce1 + ce2 + ce3 + ce4", "ties =~ ti1 + ti2 + ti3 + ti4",
  "acq =~ aq1 + aq2 + aq3 + aq4", "crea =~ cr1 + cr2 + cr3 + cr4", "proc =~ pr1 + pr2 + pr3",
  "prod =~ pd1 + pd2 + pd3", "func =~ fu1 + fu2 + fu3", "upg =~ proc + prod + func",
  "acq ~ a1*scale + a2*centr + a3*ties", "crea ~ c1*scale + c2*centr + c3*ties + d*acq", "upg ~ b1*acq + b2*crea", sep = "\n")
write_case("study-structural-mlr", "218-firm study: structural model (29 indicators), MLR.", "sem", structural, firms, list(estimator = "MLR"), data.file = firms.file)

# Scaled chi-square difference tests: lavTestLRT(m1, m0) with its default method for these tests (satorra.bentler.2001).
dir.create(file.path(out.dir, "lrt"), recursive = TRUE, showWarnings = FALSE)
write_lrt <- function(name, description, models, options) {
  fits <- lapply(models, function(m) fit_case("cfa", m, hs, options))
  lrt <- do.call(lavTestLRT, unname(fits))
  rows <- lapply(seq_len(nrow(lrt)), function(i) list(
    Df = num(lrt$Df[i]), AIC = num(lrt$AIC[i]), BIC = num(lrt$BIC[i]), Chisq = num(lrt$Chisq[i]),
    Chisq.diff = num(lrt[["Chisq diff"]][i]), Df.diff = num(lrt[["Df diff"]][i]), Pr = num(lrt[["Pr(>Chisq)"]][i])))
  # The unscaled difference and the scaling factor cd of Satorra & Bentler (2001), from lavaan's own function.
  sb <- lavaan:::lav_test_diff_SatorraBentler2001(fits[[1]], fits[[2]])
  case <- list(name = name, description = description,
    reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    heading = attr(lrt, "heading"), models = models, options = options, data = "../hs-cfa-mlm/data.csv",
    rows = rows, scaling_factor = num(sb$scaling.factor), chisq_diff_scaled = num(sb$T.delta), df_diff = num(sb$df.delta))
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, "lrt", paste0(name, ".json")))
  print(lrt)
}
write_lrt("hs-groups-metric-mlr", "Configural (free loadings) against metric (equal loadings) in two groups, MLR.",
  list(three, three.equal), list(estimator = "MLR", group = "school"))
write_lrt("hs-groups-metric-mlm", "Configural against metric in two groups, MLM.",
  list(three, three.equal), list(estimator = "MLM", group = "school"))
write_lrt("hs-orthogonal-mlr", "Three correlated factors against orthogonal factors (factor covariances fixed to 0), MLR.",
  list(three, paste0(three, "visual ~~ 0*textual + 0*speed\ntextual ~~ 0*speed\n")), list(estimator = "MLR"))
