# Produces the fixtures in tests/SemLib.Tests/Reference/residuals/: lavaan 0.6.14's residual matrices,
# resid(fit, type = "raw") (S - Sigma-hat, and xbar - mu-hat with a mean structure) and
# resid(fit, type = "standardized") (each residual divided by its asymptotic standard error, lavaan's
# lav_residuals_se / lav_residuals_acov with z.type = "standardized"; NA where that variance is zero or negative).
# Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-residual-cases.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite (Debian: r-cran-lavaan, r-cran-jsonlite). Tests never run R.
# Matrices are written row by row in lavaan's variable order (order of appearance in the model), NA as null.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/residuals"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)
script <- "tests/SemLib.Tests/Reference/scripts/make-residual-cases.R"
hs.model <- "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n"
# Two factors regressed on fixed covariates (fixed.x = TRUE, lavaan's default for ML): the covariates' own moments
# drop out of the residuals' ACOV, and their residuals are 0. One row has a missing ageyr/grade: listwise deletion.
fixed.x.model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual ~ ageyr + grade\ntextual ~ ageyr\n"

rows.of <- function(m) lapply(seq_len(nrow(m)), function(i) as.numeric(unclass(m)[i, ]))

one.group <- function(r) {
  out <- list(cov = rows.of(r$cov))
  if (!is.null(r$mean)) out$mean <- as.numeric(r$mean)
  out
}

write_case <- function(name, description, data.file, ..., model = hs.model) {
  data <- read.csv(data.file)
  fit <- cfa(model, data = data, ...)
  stopifnot(lavInspect(fit, "converged"))
  raw <- resid(fit, type = "raw")
  std <- resid(fit, type = "standardized")
  ng <- lavInspect(fit, "ngroups")
  if (ng == 1) { raw <- list(raw); std <- list(std) }
  groups <- if (ng == 1) list("") else as.list(lavInspect(fit, "group.label"))
  case <- list(
    name = name, description = description, reference = "lavaan 0.6.14", script = script,
    model = model, data = basename(data.file), options = list(...),
    variables = lavNames(fit, "ov"), groups = groups,
    raw = unname(lapply(raw, one.group)), standardized = unname(lapply(std, one.group)))
  dir.create(file.path(out.dir, name), showWarnings = FALSE)
  file.copy(data.file, file.path(out.dir, name, "data.csv"), overwrite = TRUE)
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
             file.path(out.dir, name, "case.json"))
}

write_case("hs-cfa", "HS CFA, ML, no mean structure.", "tests/SemLib.Tests/Reference/lavaan/hs-cfa/data.csv")
write_case("hs-cfa-means", "HS CFA, ML, meanstructure = TRUE.", "tests/SemLib.Tests/Reference/lavaan/hs-cfa/data.csv",
           meanstructure = TRUE)
write_case("hs-cfa-groups", "HS CFA, ML, group = \"school\" (configural).",
           "tests/SemLib.Tests/Reference/lavaan/hs-cfa-groups/data.csv", group = "school")
write_case("hs-fixed-x", "Two HS factors on the covariates ageyr and grade, ML, fixed.x = TRUE (default).",
           "tests/SemLib.Tests/Reference/lavaan/hs-cfa-groups/data.csv", model = fixed.x.model)
# information = "observed": lavaan then uses the observed (h1) information in the residuals' ACOV.
write_case("hs-cfa-observed", "HS CFA, ML, information = \"observed\".", "tests/SemLib.Tests/Reference/lavaan/hs-cfa/data.csv",
           information = "observed")
write_case("hs-fixed-x-observed", "The fixed.x model of hs-fixed-x with information = \"observed\".",
           "tests/SemLib.Tests/Reference/lavaan/hs-cfa-groups/data.csv", information = "observed", model = fixed.x.model)
# A covariance matrix as input (lavaan rescales it to divisor N): Wheaton's alienation model of
# Reference/lavaan/wheaton-cov, whose case.json holds the matrix; the test fits that case.
wheaton <- fromJSON("tests/SemLib.Tests/Reference/lavaan/wheaton-cov/case.json")
wcov <- wheaton$sample_cov$matrix
dimnames(wcov) <- list(wheaton$sample_cov$names, wheaton$sample_cov$names)
wfit <- sem(wheaton$model, sample.cov = wcov, sample.nobs = wheaton$sample_nobs)
stopifnot(lavInspect(wfit, "converged"))
dir.create(file.path(out.dir, "wheaton-cov"), showWarnings = FALSE)
writeLines(toJSON(list(
  name = "wheaton-cov", description = "Wheaton's alienation model from a covariance matrix (N = 932), ML.",
  reference = "lavaan 0.6.14", script = script, fit_case = "lavaan/wheaton-cov", model = wheaton$model,
  variables = lavNames(wfit, "ov"), groups = list(""),
  raw = list(one.group(resid(wfit, type = "raw"))), standardized = list(one.group(resid(wfit, type = "standardized")))),
  auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
  file.path(out.dir, "wheaton-cov", "case.json"))
# GLS: lavaan's W is then the normal-theory weight at the sample S (for ULS lavaan cannot compute standardized
# residuals: "could not invert h1 information matrix").
write_case("hs-cfa-gls", "HS CFA, GLS.", "tests/SemLib.Tests/Reference/lavaan/hs-cfa/data.csv", estimator = "GLS")
