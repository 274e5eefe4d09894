# Produces the reference cases in tests/SemLib.Tests/Reference/lavaan-extra/ with lavaan itself.
# Each case folder holds case.json (same fields as the shared cases: see Reference/README.md) and
# data.csv. Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-lavaan-cases.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite (Debian: r-cran-lavaan, r-cran-jsonlite).
# Tests never run R: they read the committed JSON.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/lavaan-extra"
HS <- lavaan::HolzingerSwineford1939
PD <- lavaan::PoliticalDemocracy

num <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), x, NA) }

write_case <- function(name, description, call, model, data, options = list(), mi = FALSE, extra = list(), data.file = NULL) {
  args <- c(list(model = model, data = data), options)
  fit <- do.call(call, args)
  # remove.eq/remove.ineq = FALSE: constraint rows (==, <, >) are listed with their slack, as SemLib lists them.
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
  fm.list <- setNames(lapply(fm, num), names(fm))
  r2 <- lavInspect(fit, "r2")
  ng <- lavInspect(fit, "ngroups")
  implied <- lavInspect(fit, "implied")
  case <- list(
    name = name, description = description,
    reference = "lavaan 0.6.14, R 4.2.2 (tests/SemLib.Tests/Reference/scripts/make-lavaan-cases.R)",
    call = call, options = options, model = model, data = "data.csv",
    sample_cov = NULL, sample_nobs = NULL,
    converged = lavInspect(fit, "converged"), nobs = lavInspect(fit, "nobs"),
    parameters = params, fit_measures = fm.list,
    r2 = if (ng > 1) lapply(r2, function(x) as.list(setNames(num(x), names(x)))) else as.list(setNames(num(r2), names(r2))),
    implied = if (ng > 1) NULL else list(names = colnames(implied$cov), cov = unname(unclass(implied$cov))),
    lavaan_ms_per_fit = NULL)
  if (mi) {
    m <- modindices(fit, sort. = TRUE)
    case$modification_indices <- lapply(seq_len(nrow(m)), function(i) list(
      lhs = m$lhs[i], op = m$op[i], rhs = m$rhs[i], mi = num(m$mi[i]), epc = num(m$epc[i]),
      sepc.lv = num(m$sepc.lv[i]), sepc.all = num(m$sepc.all[i])))
  }
  case <- c(case, extra)
  dir.create(file.path(out.dir, name), recursive = TRUE, showWarnings = FALSE)
  target <- file.path(out.dir, name, "data.csv")
  if (is.null(data.file)) {
    write.csv(data, target, row.names = FALSE, na = "")
  } else if (normalizePath(data.file) != normalizePath(target, mustWork = FALSE)) {
    file.copy(data.file, target, overwrite = TRUE)
  }
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, name, "case.json"))
  cat("wrote", name, "\n")
}

hs <- HS[, c("sex", "ageyr", "school", "grade", paste0("x", 1:9))]
three <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"

write_case("hs-second-order", "Second-order factor g over the three HS factors.", "cfa",
  paste0(three, "g =~ visual + textual + speed\n"), hs)
write_case("hs-mimic", "MIMIC: two factors regressed on observed covariates (fixed.x, phantom covariates).", "sem",
  "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual + textual ~ sex + ageyr\n", hs, mi = TRUE)
write_case("hs-path-multi-y", "Observed path model with two pure outcomes (their residuals covary by default) and three covariates.", "sem",
  "x4 ~ x1 + x2 + x3\nx5 ~ x1 + x2\nx6 ~ x4 + x5\n", hs)
write_case("hs-modifiers", "Modifiers: NA* frees a marker, fixed factor variance, a fixed loading, start values, labels and a defined ratio.", "cfa",
  "visual =~ NA*x1 + x2 + x3\nvisual ~~ 1*visual\ntextual =~ x4 + 1.2*x5 + start(0.9)*x6\nspeed =~ x7 + l8*x8 + l9*x9\nratio := l9 / l8\n", hs, mi = TRUE)
write_case("hs-constraints", "Explicit equality constraints: a label equated to another, and a linear sum constraint.", "cfa",
  "visual =~ x1 + a*x2 + b*x3\ntextual =~ x4 + c1*x5 + c2*x6\nspeed =~ x7 + x8 + x9\na == b\nc1 + c2 == 2.2\n", hs, mi = TRUE)
write_case("hs-intercepts", "Intercepts written in the syntax switch the mean structure on; a latent mean is freed with the intercept of its marker fixed.", "cfa",
  "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nx1 ~ 0*1\nvisual ~ NA*1\n", hs)
write_case("hs-gls-means", "GLS with a mean structure.", "cfa", three, hs, options = list(estimator = "GLS", meanstructure = TRUE))
write_case("hs-uls-means", "ULS with a mean structure.", "cfa", three, hs, options = list(estimator = "ULS", meanstructure = TRUE))
write_case("hs-orthogonal", "Orthogonal factors (orthogonal = TRUE).", "cfa", three, hs, options = list(orthogonal = TRUE))
write_case("hs-observed-info", "Standard errors from the observed information.", "cfa", three, hs, options = list(information = "observed"))
write_case("hs-listwise", "A covariate with one missing value: listwise deletion leaves 300 rows.", "sem",
  "visual =~ x1 + x2 + x3\nvisual ~ grade\n", hs)
write_case("hs-single-indicator", "A single-indicator factor (its residual variance is fixed to zero) regressed on a factor.", "sem",
  "visual =~ x1 + x2 + x3\nsp =~ x9\nsp ~ visual\n", hs)
write_case("hs-indicator-on-covariate", "An indicator regressed on a covariate (the indicator gets a phantom latent).", "sem",
  "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nx1 ~ sex\n", hs)
write_case("hs-residual-cov", "CFA with a cross-loading and correlated residuals, std.lv.", "cfa",
  paste0(three, "visual =~ x9\nx7 ~~ x8\nx1 ~~ x4\n"), hs, options = list(std.lv = TRUE), mi = TRUE)
write_case("poldem-mediation", "Latent mediation with labelled paths, indirect and total effects.", "sem",
  "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + y2 + y3 + y4\ndem65 =~ y5 + y6 + y7 + y8\ndem60 ~ a*ind60\ndem65 ~ c*ind60 + b*dem60\ny1 ~~ y5\ny2 ~~ y4 + y6\ny3 ~~ y7\ny4 ~~ y8\ny6 ~~ y8\nindirect := a*b\ntotal := c + a*b\n", PD, mi = TRUE)
write_case("poldem-stdlv-gls", "Political democracy SEM by GLS with std.lv.", "sem",
  "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + y2 + y3 + y4\ndem65 =~ y5 + y6 + y7 + y8\ndem60 ~ ind60\ndem65 ~ ind60 + dem60\ny1 ~~ y5\n", PD,
  options = list(std.lv = TRUE, estimator = "GLS"))
talor <- read.csv("tests/SemLib.Tests/Reference/lavaan/talor-mediation/data.csv")
talor.model <- "pmi ~ a*cond\nreaction ~ b*pmi + c*cond\nindirect := a*b\ntotal := c + a*b\n"
write_case("talor-gls", "Observed mediation by GLS: lavaan's default fixed.x is FALSE for GLS, so the covariate's variance is free.", "sem",
  talor.model, talor, options = list(estimator = "GLS"))
write_case("talor-uls", "Observed mediation by ULS (fixed.x FALSE by default).", "sem",
  talor.model, talor, options = list(estimator = "ULS"))
write_case("hs-groups-gls", "Two-group CFA by GLS: chi-square is the sum of 2(N_g - 1)F_g; the mean structure is on by default with groups.", "cfa",
  three, HS[, c("school", paste0("x", 1:9))], options = list(group = "school", estimator = "GLS"))
write_case("hs-groups-fixedvalues", "Two-group CFA with group-specific labels and fixed values written with c().", "cfa",
  "visual =~ x1 + c(a1, a2)*x2 + c(0.7, NA)*x3\ntextual =~ x4 + x5 + x6\n", HS[, c("school", paste0("x", 1:9))], options = list(group = "school"))
write_case("hs-nonrecursive", "Non-recursive path model (x1 and x4 affect each other): total effect of x1 on x4 from (I-B)^-1 - I as c/(1-c*d), indirect = total - direct.", "sem",
  "x4 ~ c*x1 + x2\nx1 ~ d*x4 + x3\ntotal := c/(1-d*c)\nindirect := total - c\n", hs)
write_case("hs-equal-modifier", "equal(\"lhs op rhs\") names a parameter: x3's loading equals x2's, and x6's equals the fixed marker x4's (so it is fixed to 1).", "cfa",
  "visual =~ x1 + x2 + equal(\"visual=~x2\")*x3\ntextual =~ x4 + x5 + equal(\"textual=~x4\")*x6\nspeed =~ x7 + x8 + x9\n", hs)
write_case("hs-groups-equal-shared", "Two groups, one equal(\"visual=~x2\") for x3: one label in every group, so x3's loading is equal across groups and to group 1's x2 loading (lavaan's reading).", "cfa",
  "visual =~ x1 + x2 + equal(\"visual=~x2\")*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n", HS[, c("school", paste0("x", 1:9))], options = list(group = "school"))
write_case("hs-groups-equal-pergroup", "Two groups, equal(c(\"visual=~x2\", \"visual=~x2.g2\")) for x3: in each group x3's loading equals that group's x2 loading.", "cfa",
  "visual =~ x1 + x2 + equal(c(\"visual=~x2\", \"visual=~x2.g2\"))*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n", HS[, c("school", paste0("x", 1:9))], options = list(group = "school"))
hs.labelled <- "visual =~ x1 + a*x2 + b*x3\ntextual =~ x4 + c*x5 + x6\nspeed =~ x7 + x8 + x9\n"
write_case("hs-inequality-active", "Inequality constraints that bind: a > 0.7 and c < 1 (unconstrained a = 0.55, c = 1.11); lavaan's df ignores them.", "cfa",
  paste0(hs.labelled, "a > 0.7\nc < 1\n"), hs)
write_case("hs-inequality-inactive", "Inequality constraints that do not bind: a > 0.3 and b < 1 (the estimates are the unconstrained ones).", "cfa",
  paste0(hs.labelled, "a > 0.3\nb < 1\n"), hs)
write_case("hs-inequality-pair", "An inequality between two parameters that binds: b > c (unconstrained b = 0.73 < c = 1.11), so b = c.", "cfa",
  paste0(hs.labelled, "b > c\n"), hs)

# The 218-firm study: lavaan fitted to the CSV that samples/ClusterUpgrade writes with its default seed
# (copied to lavaan-extra/study-structural/data.csv; about 5% of the answers are missing at random, empty cells
# that read.csv turns into NA). The model strings equal Design.MeasurementSyntax() and Design.StructuralSyntax() in
# the sample (a test checks that). The study's estimator is FIML with MLR (Design.Fiml); listwise ML is its
# comparison (Design.Listwise, lavaan's default missing = "listwise").
firms.file <- file.path(out.dir, "study-structural", "data.csv")
firms <- read.csv(firms.file, check.names = FALSE)
measurement <- paste(
  "scale =~ sc1 + sc2 + sc3 + sc4", "centr =~ ce1 + ce2 + ce3 + ce4", "ties =~ ti1 + ti2 + ti3 + ti4",
  "acq =~ aq1 + aq2 + aq3 + aq4", "crea =~ cr1 + cr2 + cr3 + cr4", "proc =~ pr1 + pr2 + pr3",
  "prod =~ pd1 + pd2 + pd3", "func =~ fu1 + fu2 + fu3", "upg =~ proc + prod + func", sep = "\n")
structural <- paste(measurement,
  "acq ~ a1*scale + a2*centr + a3*ties", "crea ~ c1*scale + c2*centr + c3*ties + d*acq", "upg ~ b1*acq + b2*crea", sep = "\n")
direct <- paste(measurement,
  "acq ~ a1*scale + a2*centr + a3*ties", "crea ~ c1*scale + c2*centr + c3*ties + d*acq", "upg ~ b1*acq + b2*crea + scale + centr + ties", sep = "\n")
fiml.mlr <- list(estimator = "MLR", missing = "ml")
# H6: the nested comparison with the direct paths (lavTestLRT: Satorra-Bentler 2001 scaled difference under MLR).
h6 <- function(options) {
  fits <- lapply(list(structural, direct), function(m) do.call("sem", c(list(model = m, data = firms), options)))
  lrt <- lavTestLRT(fits[[2]], fits[[1]])
  list(h6_lrt = list(chisq_diff = num(lrt[2, "Chisq diff"]), df_diff = as.integer(lrt[2, "Df diff"]),
                     pvalue = num(lrt[2, "Pr(>Chisq)"]), method = attr(lrt, "heading")))
}
write_case("study-measurement", "218-firm study: measurement model with the second-order factor by FIML with MLR (robust FIML), on the sample program's incomplete CSV.", "cfa",
  measurement, firms, options = fiml.mlr, data.file = firms.file)
write_case("study-structural", "218-firm study: structural model of hypotheses H1a-H5 by FIML with MLR (robust FIML), on the sample program's incomplete CSV; h6_lrt is lavTestLRT against the model with the direct paths.", "sem",
  structural, firms, options = fiml.mlr, data.file = firms.file, extra = h6(fiml.mlr))
write_case("study-structural-listwise", "218-firm study: structural model of hypotheses H1a-H5 by normal-theory ML on the complete rows (lavaan's listwise default), on the sample program's incomplete CSV; h6_lrt as in study-structural.", "sem",
  structural, firms, data.file = firms.file, extra = h6(list()))

# Small against larger firms (GroupComparison in the sample): the five network and knowledge scales (20 items) by
# FIML with MLR in two groups, the size band "<100" ("small (<100)") against the rest ("larger (100+)"). One case per
# invariance step; lrt_previous is lavTestLRT of the step against the one before (Satorra-Bentler 2001 scaled).
group.items <- c(paste0("sc", 1:4), paste0("ce", 1:4), paste0("ti", 1:4), paste0("aq", 1:4), paste0("cr", 1:4))
firms.groups <- data.frame(sizegroup = ifelse(firms$size == "<100", "small (<100)", "larger (100+)"), firms[, group.items], check.names = FALSE)
group.measurement <- paste(
  "scale =~ sc1 + sc2 + sc3 + sc4", "centr =~ ce1 + ce2 + ce3 + ce4", "ties =~ ti1 + ti2 + ti3 + ti4",
  "acq =~ aq1 + aq2 + aq3 + aq4", "crea =~ cr1 + cr2 + cr3 + cr4", sep = "\n")
group.opts <- c(fiml.mlr, list(group = "sizegroup"))
steps <- list(configural = character(0), metric = "loadings", scalar = c("loadings", "intercepts"),
              strict = c("loadings", "intercepts", "residuals"))
step.opts <- lapply(steps, function(eq) if (length(eq) > 0) c(group.opts, list(group.equal = eq)) else group.opts)
step.fits <- lapply(step.opts, function(o) do.call("cfa", c(list(model = group.measurement, data = firms.groups), o)))
step.lrt <- function(i) {
  if (i == 1) return(list())
  lrt <- lavTestLRT(step.fits[[i]], step.fits[[i - 1]])
  list(lrt_previous = list(chisq_diff = num(lrt[2, "Chisq diff"]), df_diff = as.integer(lrt[2, "Df diff"]), pvalue = num(lrt[2, "Pr(>Chisq)"])))
}
step.description <- function(step) paste0("218-firm study, small against larger firms: the ", step, " step of the five network and knowledge scales by FIML with MLR (the sample's GroupComparison).")
write_case("study-invariance-configural", step.description("configural"), "cfa", group.measurement, firms.groups, options = step.opts[[1]], extra = step.lrt(1))
write_case("study-invariance-metric", step.description("metric"), "cfa", group.measurement, firms.groups, options = step.opts[[2]], extra = step.lrt(2))
write_case("study-invariance-scalar", step.description("scalar"), "cfa", group.measurement, firms.groups, options = step.opts[[3]], extra = step.lrt(3))
write_case("study-invariance-strict", step.description("strict"), "cfa", group.measurement, firms.groups, options = step.opts[[4]], extra = step.lrt(4))
# The paths to acquisition and creation compared across the groups: the free model, and per path the Wald test of the
# difference (from the free model's vcov) and lavTestLRT of the model with that path equal against the free model.
group.paths <- paste(group.measurement, "acq ~ scale + centr + ties", "crea ~ scale + centr + ties + acq", sep = "\n")
free.fit <- do.call("sem", c(list(model = group.paths, data = firms.groups), group.opts))
pt <- parTable(free.fit)
reg <- pt[pt$op == "~" & pt$group == 1, c("lhs", "rhs")]
V <- lavInspect(free.fit, "vcov")
path.tests <- lapply(seq_len(nrow(reg)), function(k) {
  idx <- sapply(1:2, function(g) pt$free[pt$op == "~" & pt$lhs == reg$lhs[k] & pt$rhs == reg$rhs[k] & pt$group == g])
  est <- sapply(1:2, function(g) parameterEstimates(free.fit)$est[with(parameterEstimates(free.fit), op == "~" & lhs == reg$lhs[k] & rhs == reg$rhs[k] & group == g)])
  se <- sqrt(V[idx[1], idx[1]] + V[idx[2], idx[2]] - 2 * V[idx[1], idx[2]])
  others <- paste0(reg$lhs[-k], "~", reg$rhs[-k])
  eq.fit <- do.call("sem", c(list(model = group.paths, data = firms.groups, group.equal = "regressions", group.partial = others), group.opts))
  lrt <- lavTestLRT(eq.fit, free.fit)
  list(lhs = reg$lhs[k], rhs = reg$rhs[k], est = est, difference = est[2] - est[1], se = se, z = (est[2] - est[1]) / se,
       wald_pvalue = 2 * pnorm(-abs((est[2] - est[1]) / se)),
       chisq_diff = num(lrt[2, "Chisq diff"]), df_diff = as.integer(lrt[2, "Df diff"]), pvalue = num(lrt[2, "Pr(>Chisq)"]))
})
write_case("study-paths-groups", "218-firm study, small against larger firms: the paths to acquisition and creation free in both groups by FIML with MLR; path_tests per path: the Wald test of the difference (free model's vcov) and lavTestLRT with that path equal.", "sem",
  group.paths, firms.groups, options = group.opts, extra = list(path_tests = path.tests))
