# Produces the lavaan summaries the text-output tests of robust and missing-data estimation compare with, in
# tests/SemLib.Tests/Reference/cli/: the printed output of
#   summary(fit, fit.measures = TRUE, standardized = TRUE, rsquare = TRUE)
# with trailing blanks removed (as make-cli-summaries.R). Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-cli-robust-summaries.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite. Tests never run R: they read the committed text files.
suppressPackageStartupMessages(library(lavaan))
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
ref <- "tests/SemLib.Tests/Reference"
out <- file.path(ref, "cli")

save_summary <- function(fit, name) {
  text <- capture.output(summary(fit, fit.measures = TRUE, standardized = TRUE, rsquare = TRUE))
  writeLines(sub(" +$", "", text), file.path(out, name))
}

# What the summary printed, for tests that render it from a fit built by hand: every fitMeasures() value by its
# lavaan name, and the tests of lavInspect(fit, "test") (standard first), each with its statistic, df, p-value,
# scaling factor and shift (null when it has none).
save_measures <- function(fit, name) {
  na_null <- function(x) if (is.null(x) || length(x) == 0 || all(is.na(x))) NULL else unname(x)
  tests <- lapply(lavInspect(fit, "test"), function(t) list(test = t$test, stat = t$stat, df = t$df, pvalue = t$pvalue,
    scaling_factor = na_null(t$scaling.factor), shift_parameter = na_null(t$shift.parameter)))
  call <- gsub(" +", " ", paste(deparse(fit@call), collapse = ""))
  doc <- list(reference = paste0("lavaan 0.6.14, ", call, "; written by ", script),
              fit_measures = as.list(fitMeasures(fit)), tests = unname(tests))
  writeLines(jsonlite::toJSON(doc, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE), file.path(out, name))
}
script <- "tests/SemLib.Tests/Reference/scripts/make-cli-robust-summaries.R"

hs.model <- "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n"
hs <- read.csv(file.path(ref, "lavaan/hs-cfa/data.csv"))
hs.groups <- read.csv(file.path(out, "hs-cfa-groups/data.csv"))
hs.fiml <- read.csv(file.path(ref, "missing/hs-cfa-fiml/data.csv"))

# MLR (Huber-White sandwich, Yuan-Bentler Mplus-variant scaled test) and MLM (Satorra-Bentler) on complete data.
mlr <- cfa(hs.model, data = hs, estimator = "MLR")
save_summary(mlr, "hs-cfa-mlr-summary.txt")
save_measures(mlr, "hs-cfa-mlr-measures.json")
mlm <- cfa(hs.model, data = hs, estimator = "MLM")
save_summary(mlm, "hs-cfa-mlm-summary.txt")
save_measures(mlm, "hs-cfa-mlm-measures.json")
# MLR with two groups: the test statistic of each group, standard and scaled.
groups.mlr <- cfa(hs.model, data = hs.groups, group = "school", estimator = "MLR")
save_summary(groups.mlr, "hs-cfa-groups-mlr-summary.txt")
save_measures(groups.mlr, "hs-cfa-groups-mlr-measures.json")
# Full-information ML on complete data: one missing pattern; the estimates are ML's with a mean structure and
# standard errors from the observed information.
fiml.complete <- cfa(hs.model, data = hs, missing = "ml")
save_summary(fiml.complete, "hs-cfa-fiml-complete-summary.txt")
save_measures(fiml.complete, "hs-cfa-fiml-complete-measures.json")
# Full-information ML, and robust full-information ML, on Reference/missing/hs-cfa-fiml.
save_summary(cfa(hs.model, data = hs.fiml, missing = "ml"), "hs-cfa-fiml-summary.txt")
save_summary(cfa(hs.model, data = hs.fiml, missing = "ml", estimator = "MLR"), "hs-cfa-fiml-mlr-summary.txt")

# MLM with test = "scaled.shifted": lavaan 0.6.14 keeps the Satorra-Bentler test and adds the scaled-and-shifted one,
# and prints a block for each.
shifted <- cfa(hs.model, data = hs, estimator = "MLM", test = "scaled.shifted")
save_summary(shifted, "hs-cfa-mlm-shifted-summary.txt")
save_measures(shifted, "hs-cfa-mlm-shifted-measures.json")

# Cluster-robust MLR (the data of Reference/robust-fit/hs-cfa-mlm: HS with a "class" column), one group and two.
hs.class <- read.csv(file.path(ref, "robust-fit/hs-cfa-mlm/data.csv"))
save_summary(cfa(hs.model, data = hs.class, estimator = "MLR", cluster = "class"), "hs-cfa-mlr-cluster-summary.txt")
save_summary(cfa(hs.model, data = hs.class, estimator = "MLR", cluster = "class", group = "school", std.lv = TRUE),
             "hs-cfa-mlr-groups-cluster-summary.txt")
