# Produces the lavaan summaries the text-output tests of ordered (categorical) items compare with, in
# tests/SemLib.Tests/Reference/cli/: the printed output of
#   summary(fit, fit.measures = TRUE, standardized = TRUE, rsquare = TRUE)
# (what `semlib fit --fit-measures` prints; make-ordinal-fit-cases.R keeps summary(fit, fit.measures = TRUE) beside
# each ordinal-fit case) with trailing blanks removed, and the tests and fit measures behind it (as
# make-cli-robust-summaries.R). Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-cli-ordinal-summaries.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite. Tests never run R: they read the committed text files.
suppressPackageStartupMessages(library(lavaan))
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
ref <- "tests/SemLib.Tests/Reference"
out <- file.path(ref, "cli")
script <- "tests/SemLib.Tests/Reference/scripts/make-cli-ordinal-summaries.R"

save_summary <- function(fit, name) {
  text <- capture.output(summary(fit, fit.measures = TRUE, standardized = TRUE, rsquare = TRUE))
  writeLines(sub(" +$", "", text), file.path(out, name))
}

# Every fitMeasures() value by its lavaan name, and the tests of lavInspect(fit, "test") (standard first), each with
# its statistic, df, p-value, scaling factor and shift (null when it has none; the shift per group with groups).
save_measures <- function(fit, name) {
  na_null <- function(x) if (is.null(x) || length(x) == 0 || all(is.na(x))) NULL else unname(x)
  tests <- lapply(lavInspect(fit, "test"), function(t) list(test = t$test, stat = t$stat, df = t$df, pvalue = t$pvalue,
    scaling_factor = na_null(t$scaling.factor), shift_parameter = na_null(t$shift.parameter)))
  call <- gsub(" +", " ", paste(deparse(fit@call), collapse = ""))
  doc <- list(reference = paste0("lavaan 0.6.14, ", call, "; written by ", script),
              fit_measures = as.list(fitMeasures(fit)), tests = unname(tests))
  writeLines(jsonlite::toJSON(doc, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE), file.path(out, name))
}

hs.model <- "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n"
items <- paste0("x", 1:9)
# The HS items cut into five categories: Reference/lavaan/hs-cfa-ordinal.
hs5 <- read.csv(file.path(ref, "lavaan/hs-cfa-ordinal/data.csv"))

# lavaan's default for ordered items: WLSMV (DWLS estimates, robust.sem standard errors, scaled-shifted test), delta
# parameterization.
wlsmv <- cfa(hs.model, data = hs5, ordered = items)
save_summary(wlsmv, "hs-cfa-ordinal-summary.txt")
save_measures(wlsmv, "hs-cfa-ordinal-measures.json")

# Two groups (school), configural: each group's standard and scaled statistic (the scaled one with the group's share
# of the one shift parameter lavaan 0.6.14 prints).
groups <- cfa(hs.model, data = hs5, ordered = items, group = "school")
save_summary(groups, "hs-cfa-ordinal-groups-summary.txt")
save_measures(groups, "hs-cfa-ordinal-groups-measures.json")
