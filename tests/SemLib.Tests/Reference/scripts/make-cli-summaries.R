# Produces the lavaan summaries the text-output tests of `semlib fit` compare with, in
# tests/SemLib.Tests/Reference/cli/: the printed output of
#   summary(fit, fit.measures = TRUE, standardized = TRUE, rsquare = TRUE)
# with trailing blanks removed. Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-cli-summaries.R
# Needs R 4.2 with lavaan 0.6.14. Tests never run R: they read the committed text files.
suppressPackageStartupMessages(library(lavaan))
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
ref <- "tests/SemLib.Tests/Reference"
out <- file.path(ref, "cli")

save_summary <- function(fit, name) {
  text <- capture.output(summary(fit, fit.measures = TRUE, standardized = TRUE, rsquare = TRUE))
  writeLines(sub(" +$", "", text), file.path(out, name))
}

hs.model <- "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n"

# Three-factor CFA of Reference/lavaan/hs-cfa.
save_summary(cfa(hs.model, data = read.csv(file.path(ref, "lavaan/hs-cfa/data.csv"))), "hs-cfa-summary.txt")

# Configural two-group CFA of Reference/cli/hs-cfa-groups (a copy of the shared case).
save_summary(cfa(hs.model, data = read.csv(file.path(out, "hs-cfa-groups/data.csv")), group = "school"),
             "hs-cfa-groups-summary.txt")

# Mediation with labels and defined parameters, GLS (lavaan's fixed.x default is FALSE for GLS).
talor.model <- "pmi ~ a*cond\nreaction ~ b*pmi + c*cond\nindirect := a*b\ntotal := c + a*b\n"
save_summary(sem(talor.model, data = read.csv(file.path(ref, "lavaan/talor-mediation/data.csv")), estimator = "GLS"),
             "talor-gls-summary.txt")

# Political democracy SEM with equality labels, residual covariances, an intercept, a defined parameter and
# one missing value (x1 of the third row), so the summary has Used/Total observations.
pd <- read.csv(file.path(ref, "lavaan/poldem-sem/data.csv"))
pd$x1[3] <- NA
dir.create(file.path(out, "poldem-na"), showWarnings = FALSE)
write.csv(pd, file.path(out, "poldem-na/data.csv"), row.names = FALSE, na = "NA")
pd.model <- paste("ind60 =~ x1 + x2 + x3", "dem60 =~ y1 + a*y2 + b*y3 + c*y4", "dem65 =~ y5 + a*y6 + b*y7 + c*y8",
                  "dem60 ~ ind60", "dem65 ~ ind60 + dem60", "y1 ~~ y5", "y2 ~~ y4 + y6", "y3 ~~ y7", "y4 ~~ y8",
                  "y6 ~~ y8", "x1 ~ 1", "tot := a + b", sep = "\n")
writeLines(pd.model, file.path(out, "poldem-na/model.lav"))
save_summary(sem(pd.model, data = pd), "poldem-na-summary.txt")
