# Produces the fixtures in tests/SemLib.Tests/Reference/robust/: lavaan's Satorra-Bentler robust standard errors and
# scaled test (estimator = "MLM": se = "robust.sem", test = "satorra.bentler", complete data). Run from the repository
# root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-robust-cases.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite (Debian: r-cran-lavaan, r-cran-jsonlite). Tests never run R.
#
# Each fixture holds, per free parameter (parameterEstimates() rows with a standard error), the estimate and the robust
# SE; the standard chi-square, the scaled one, the scaling factor and df (lavTestStatistics via fitMeasures); and the
# normal-theory (ML) SEs of the same model for contrast. The script also checks, from lavaan's own pieces, the
# definitions SemLib implements (with f_g = N_g / N, W_g = the expected h1 information of group g, Delta_g its Jacobian,
# Gamma_g = lavInspect(fit, "gamma") of group g):
#   E      = sum_g f_g Delta_g' W_g Delta_g                     (lavInspect(fit, "information.expected"));
#            E^-1 below is, with equality constraints, the inverse bordered by the constraints' Jacobian
#   vcov   = E^-1 [sum_g f_g (W_g Delta_g)' Gamma_g (W_g Delta_g)] E^-1 / N
#   c      = sum_g tr(U_g Gamma_g / f_g) / df,  U_g = f_g W_g - f_g W_g Delta_g E^-1 Delta_g' W_g f_g
#   chisq.scaled = chisq / c
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/robust"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)
script <- "tests/SemLib.Tests/Reference/scripts/make-robust-cases.R"

check_definitions <- function(fit) {
  N <- lavInspect(fit, "ntotal"); nobs <- lavInspect(fit, "nobs"); G <- length(nobs)
  delta <- lavInspect(fit, "delta"); gamma <- lavInspect(fit, "gamma"); w <- lavInspect(fit, "h1.information.expected")
  if (G == 1) { delta <- list(delta); gamma <- list(gamma); w <- list(w) }
  E <- Reduce(`+`, lapply(seq_len(G), function(g) nobs[g] / N * t(delta[[g]]) %*% w[[g]] %*% delta[[g]]))
  # Equality constraints (labels): lavaan inverts the information bordered by the constraints' Jacobian H, which for
  # linear constraints equals K (K' E K)^-1 K' with K a basis of the parameters that satisfy them (SemLib's zeta).
  H <- fit@Model@con.jac
  if (nrow(H) == 0) Ei <- solve(E) else {
    q <- ncol(E); Ei <- solve(rbind(cbind(E, t(H)), cbind(H, matrix(0, nrow(H), nrow(H)))))[1:q, 1:q] }
  B <- Reduce(`+`, lapply(seq_len(G), function(g) {
    wd <- w[[g]] %*% delta[[g]]; nobs[g] / N * t(wd) %*% gamma[[g]] %*% wd }))
  V <- Ei %*% B %*% Ei / N
  stopifnot(max(abs(sqrt(diag(V)) - sqrt(diag(lavInspect(fit, "vcov"))))) < 1e-8)
  tr <- sum(sapply(seq_len(G), function(g) {
    fg <- nobs[g] / N; Vg <- fg * w[[g]]
    U <- Vg - Vg %*% delta[[g]] %*% Ei %*% t(delta[[g]]) %*% Vg
    sum(U * gamma[[g]] / fg) }))
  fm <- fitMeasures(fit)
  stopifnot(abs(tr / fm[["df"]] - fm[["chisq.scaling.factor"]]) < 1e-8)
  stopifnot(abs(fm[["chisq"]] / fm[["chisq.scaling.factor"]] - fm[["chisq.scaled"]]) < 1e-8)
}

write_case <- function(name, description, model, data, data.file, meanstructure, group = NULL) {
  fit <- cfa(model, data = data, estimator = "MLM", meanstructure = meanstructure, group = group)
  ml <- cfa(model, data = data, estimator = "ML", meanstructure = meanstructure, group = group)
  check_definitions(fit)
  pe <- parameterEstimates(fit)
  pe.ml <- parameterEstimates(ml)
  stopifnot(max(abs(pe$est - pe.ml$est)) < 1e-12)
  free <- which(!is.na(pe$se) & pe$se > 0)
  fm <- fitMeasures(fit)
  case <- list(
    name = name, description = description,
    reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    call = paste0("cfa(model, data, estimator = \"MLM\", meanstructure = ", meanstructure,
                  if (!is.null(group)) paste0(", group = \"", group, "\""), ")"),
    model = model, data = data.file, group = group, meanstructure = meanstructure,
    variables = lavNames(fit, "ov"),
    nobs = as.list(lavInspect(fit, "nobs")), group_labels = lavInspect(fit, "group.label"),
    npar = fm[["npar"]], df = fm[["df"]],
    chisq = fm[["chisq"]], chisq_scaled = fm[["chisq.scaled"]],
    chisq_scaling_factor = fm[["chisq.scaling.factor"]], pvalue_scaled = fm[["pvalue.scaled"]],
    parameters = lapply(free, function(i) list(
      lhs = pe$lhs[i], op = pe$op[i], rhs = pe$rhs[i], group = if (is.null(pe$group)) 1L else pe$group[i],
      est = pe$est[i], se_robust = pe$se[i], se_ml = pe.ml$se[i])))
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, paste0(name, ".json")))
}

hs.file <- "tests/SemLib.Tests/Reference/lavaan/hs-cfa/data.csv"
hs <- read.csv(hs.file)
hs.model <- "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n"
write_case("hs-cfa-mlm", "Holzinger-Swineford (1939), 3-factor CFA of x1..x9, 301 rows, MLM; no mean structure.",
           hs.model, hs, "../lavaan/hs-cfa/data.csv", FALSE)
write_case("hs-cfa-mlm-means", "Holzinger-Swineford (1939), 3-factor CFA of x1..x9, 301 rows, MLM; with a mean structure.",
           hs.model, hs, "../lavaan/hs-cfa/data.csv", TRUE)
write_case("hs-cfa-mlm-groups", "Holzinger-Swineford (1939), 3-factor CFA of x1..x9, two groups by school (Pasteur 156, Grant-White 145), MLM; lavaan's default mean structure with groups.",
           hs.model, hs, "../lavaan/hs-cfa/data.csv", TRUE, group = "school")
# Equal loadings across groups: equality constraints, so the Jacobian is taken with respect to the reduced parameters.
write_case("hs-cfa-mlm-groups-equal", "Holzinger-Swineford, two groups by school, loadings equal across groups (labels), MLM.",
           "visual  =~ x1 + c(a2, a2)*x2 + c(a3, a3)*x3\ntextual =~ x4 + c(a5, a5)*x5 + c(a6, a6)*x6\nspeed   =~ x7 + c(a8, a8)*x8 + c(a9, a9)*x9\n",
           hs, "../lavaan/hs-cfa/data.csv", TRUE, group = "school")
# Exogenous covariates held at their sample moments (fixed.x = TRUE, lavaan's default for ML): Gamma is then lavaan's
# conditional version (the y's residuals after an OLS regression on x), and the x moments have zero rows in Delta.
cov.model <- "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual + textual ~ ageyr + sex\n"
write_case("hs-sem-mlm-covariates", "Holzinger-Swineford, two factors regressed on the observed covariates ageyr and sex (fixed.x), MLM.",
           cov.model, hs, "../lavaan/hs-cfa/data.csv", FALSE)
write_case("hs-sem-mlm-covariates-means", "Holzinger-Swineford, two factors regressed on ageyr and sex (fixed.x), MLM, with a mean structure.",
           cov.model, hs, "../lavaan/hs-cfa/data.csv", TRUE)
# A structural model: regressions among latent variables, residual covariances and equal loadings (Bollen 1989).
pd.file <- "tests/SemLib.Tests/Reference/lavaan/poldem-sem/data.csv"
pd <- read.csv(pd.file)
pd.model <- paste0("ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + a*y2 + b*y3 + c*y4\ndem65 =~ y5 + a*y6 + b*y7 + c*y8\n",
                   "dem60 ~ ind60\ndem65 ~ ind60 + dem60\ny1 ~~ y5\ny2 ~~ y4 + y6\ny3 ~~ y7\ny4 ~~ y8\ny6 ~~ y8\n")
write_case("poldem-sem-mlm", "Political democracy (Bollen 1989), 75 rows: latent regressions, residual covariances, equal loadings; MLM.",
           pd.model, pd, "../lavaan/poldem-sem/data.csv", FALSE)
cat("wrote", out.dir, "\n")
