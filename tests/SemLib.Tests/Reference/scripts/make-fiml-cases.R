# Produces the full-information ML reference cases in tests/SemLib.Tests/Reference/fiml/<case>/ (case.json + data.csv,
# the same fields as the lavaan-extra cases, plus "missing": lavaan's nobs, number of patterns and coverage per group)
# (the bfi-fiml case's data.csv is also the data of the FIML benchmark, benchmarks/SemLib.Benchmarks). Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-fiml-cases.R
# Needs R 4.2 with lavaan 0.6.14, psych and jsonlite. Tests never run R: they read the committed JSON.
# Missing cells are deleted here with fixed seeds, at random (MCAR) or depending on an observed variable (MAR).
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/fiml"
script <- "tests/SemLib.Tests/Reference/scripts/make-fiml-cases.R"

num <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), x, NA) }
mat <- function(m) unname(lapply(seq_len(nrow(m)), function(i) num(m[i, ])))

write_case <- function(name, description, call, model, data, options = list(), mi = FALSE, residuals = FALSE) {
  args <- c(list(model = model, data = data), options)
  t0 <- proc.time()[["elapsed"]]
  fit <- do.call(call, args)
  ms <- 1000 * (proc.time()[["elapsed"]] - t0)
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
  cover <- lavInspect(fit, "coverage")
  if (ng == 1) cover <- list(cover)
  Mp <- fit@Data@Mp
  opts <- lavInspect(fit, "options")
  case <- list(
    name = name, description = description,
    reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    call = call, options = options, model = model, data = "data.csv",
    sample_cov = NULL, sample_nobs = NULL,
    converged = lavInspect(fit, "converged"), nobs = lavInspect(fit, "nobs"),
    lavaan_options = list(information = opts$information[1], observed.information = opts$observed.information[1],
                          h1.information = opts$h1.information[1], meanstructure = opts$meanstructure,
                          fixed.x = opts$fixed.x, missing = opts$missing),
    missing = list(
      group_labels = lavInspect(fit, "group.label"),
      rows = as.list(lavInspect(fit, "norig")),
      nobs = as.list(lavInspect(fit, "nobs")),
      npatterns = lapply(Mp, function(m) m$npatterns),
      coverage = lapply(cover, mat)),
    parameters = params, fit_measures = fm.list,
    r2 = if (ng > 1) lapply(r2, function(x) as.list(setNames(num(x), names(x)))) else as.list(setNames(num(r2), names(r2))),
    implied = if (ng > 1) NULL else list(names = colnames(implied$cov), cov = unname(unclass(implied$cov)),
                                         mean = num(implied$mean)),
    lavaan_ms_per_fit = ms)
  if (mi) {
    m <- modindices(fit, sort. = TRUE)
    case$modification_indices <- lapply(seq_len(nrow(m)), function(i) list(
      lhs = m$lhs[i], op = m$op[i], rhs = m$rhs[i], mi = num(m$mi[i]), epc = num(m$epc[i]),
      sepc.lv = num(m$sepc.lv[i]), sepc.all = num(m$sepc.all[i])))
  }
  if (residuals && ng == 1) {
    # resid(): the EM (h1) moments minus the implied ones, as lavaan computes residuals under missing = "ml".
    # type = "standardized": each raw residual over its standard error from the h1 information of the incomplete rows.
    r <- resid(fit, type = "raw")
    z <- resid(fit, type = "standardized")
    h1 <- lavInspect(fit, "sampstat.h1")
    case$residuals <- list(names = colnames(r$cov), cov = mat(r$cov), mean = num(r$mean),
                           h1_cov = mat(h1$cov), h1_mean = num(h1$mean),
                           standardized_cov = mat(z$cov), standardized_mean = num(z$mean))
  }
  dir.create(file.path(out.dir, name), recursive = TRUE, showWarnings = FALSE)
  write.csv(data, file.path(out.dir, name, "data.csv"), row.names = FALSE, na = "")
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, name, "case.json"))
  cat("wrote", name, sprintf("(%.0f ms)", ms), "\n")
}

# Holzinger & Swineford with about 8% of each item missing at random: the shared hs-cfa-fiml data.
hs <- read.csv("tests/SemLib.Tests/Reference/missing/hs-cfa-fiml/data.csv")
hs <- hs[, c("sex", "ageyr", "school", "grade", paste0("x", 1:9))]
three <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"

write_case("hs-fiml-mi", "The shared hs-cfa-fiml CFA with modification indices and residuals (EM moments minus implied).", "cfa",
  three, hs, options = list(missing = "ml"), mi = TRUE, residuals = TRUE)
write_case("hs-fiml-groups", "Two groups by school, FIML.", "cfa",
  three, hs, options = list(missing = "ml", group = "school"))
write_case("hs-fiml-groups-equal", "Two groups by school, FIML, loadings equal across groups (labels).", "cfa",
  "visual =~ x1 + c(a2, a2)*x2 + c(a3, a3)*x3\ntextual =~ x4 + c(a5, a5)*x5 + c(a6, a6)*x6\nspeed =~ x7 + x8 + x9\n",
  hs, options = list(missing = "ml", group = "school"))
write_case("hs-fiml-intercepts", "FIML with an explicit mean structure: the marker intercept fixed to zero and the factor mean free.", "cfa",
  "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nx1 ~ 0*1\nvisual ~ NA*1\n", hs, options = list(missing = "ml"))
write_case("hs-fiml-expected", "The shared hs-cfa-fiml CFA with standard errors from the expected information (lavaan's structured h1 information, pattern by pattern).", "cfa",
  three, hs, options = list(missing = "ml", information = "expected"), residuals = TRUE)
write_case("hs-fiml-stdlv", "FIML with std.lv (factor variances fixed to one).", "cfa",
  three, hs, options = list(missing = "ml", std.lv = TRUE))

# An exogenous covariate with missing values: 20 values of ageyr deleted, more often where x1 is low (MAR).
set.seed(20261206)
hsx <- hs
hsx$x1[is.na(hsx$x1)] <- NA
w <- ifelse(is.na(hs$x1), 0.5, ifelse(hs$x1 < median(hs$x1, na.rm = TRUE), 2, 0.5))
drop <- sample(seq_len(nrow(hsx)), 20, prob = w)
hsx$ageyr[drop] <- NA
cov.model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual + textual ~ ageyr + sex\n"
write_case("hs-fiml-covariate", "Factors regressed on ageyr and sex, FIML with fixed.x: the 20 rows missing ageyr are dropped, as lavaan drops them.", "sem",
  cov.model, hsx, options = list(missing = "ml"), residuals = TRUE)
write_case("hs-fiml-covariate-mlx", "Factors regressed on ageyr and sex by missing = ml.x: rows missing ageyr are kept and the covariates are random.", "sem",
  cov.model, hsx, options = list(missing = "ml.x"))
write_case("hs-fiml-path", "Observed path model with a fixed.x covariate complete and missing outcomes, FIML.", "sem",
  "x4 ~ x5 + sex\nx6 ~ x4 + sex\n", hs, options = list(missing = "ml"))

# Political democracy (Bollen 1989) with cells deleted at random given x1 (MAR): y2..y8 lose values more often
# where industrialisation (x1) is low.
PD <- lavaan::PoliticalDemocracy
set.seed(1989)
pd <- PD
low <- PD$x1 < median(PD$x1)
for (v in c("y2", "y3", "y4", "y6", "y7", "y8")) {
  p <- ifelse(low, 0.18, 0.05)
  pd[[v]][runif(nrow(pd)) < p] <- NA
}
write_case("poldem-fiml", "Political democracy SEM with labelled equal loadings and residual covariances, cells of y2..y8 deleted MAR given x1; FIML.", "sem",
  paste0("ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + a*y2 + b*y3 + c*y4\ndem65 =~ y5 + a*y6 + b*y7 + c*y8\n",
         "dem60 ~ ind60\ndem65 ~ ind60 + dem60\ny1 ~~ y5\ny2 ~~ y4 + y6\ny3 ~~ y7\ny4 ~~ y8\ny6 ~~ y8\n"),
  pd, options = list(missing = "ml"), mi = TRUE)

write_case("poldem-fiml-mediation", "Latent mediation with labelled paths and defined indirect and total effects (delta-method SEs from the FIML observed information); the same MAR-deleted data.", "sem",
  paste0("ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + y2 + y3 + y4\ndem65 =~ y5 + y6 + y7 + y8\n",
         "dem60 ~ a*ind60\ndem65 ~ c*ind60 + b*dem60\ny1 ~~ y5\ny2 ~~ y4 + y6\ny3 ~~ y7\ny4 ~~ y8\ny6 ~~ y8\n",
         "indirect := a*b\ntotal := c + a*b\n"),
  pd, options = list(missing = "ml"))

# Monotone patterns, a pattern with a single row and an empty row (dropped): the mono-small data of make-missing-cases.R.
mono <- read.csv("tests/SemLib.Tests/Reference/missing/mono-small/data.csv")
write_case("mono-small-fiml", "One factor, 40 rows: monotone patterns, a single-row pattern, one empty row (dropped).", "cfa",
  "f =~ y1 + y2 + y3 + y4\n", mono, options = list(missing = "ml"))

# The FIML benchmark: psych::bfi, 25 items, 2800 rows, scattered missing cells; five-factor CFA.
suppressPackageStartupMessages(library(psych))
bfi.items <- psych::bfi[, 1:25]
bfi.model <- "A =~ A1 + A2 + A3 + A4 + A5\nC =~ C1 + C2 + C3 + C4 + C5\nE =~ E1 + E2 + E3 + E4 + E5\nN =~ N1 + N2 + N3 + N4 + N5\nO =~ O1 + O2 + O3 + O4 + O5\n"
times <- sapply(1:3, function(i) system.time(cfa(bfi.model, bfi.items, missing = "ml"))[["elapsed"]])
cat("bfi five-factor CFA by FIML, lavaan seconds per fit:", times, "\n")
write_case("bfi-fiml", "psych::bfi, 25 items, 2800 rows, 87 missing-data patterns; five-factor CFA by FIML (the benchmark model).", "cfa",
  bfi.model, bfi.items, options = list(missing = "ml"))
