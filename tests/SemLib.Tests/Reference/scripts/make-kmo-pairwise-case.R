# psych 2.2.9's KMO() and cortest.bartlett() on raw data with missing values: both take pairwise-complete correlations
# (cor(x, use = "pairwise")), Bartlett with n = the rows of the data. Writes Reference/reliability/kmo-pairwise.json.
# Run from tests/SemLib.Tests/Reference: Rscript scripts/make-kmo-pairwise-case.R
suppressMessages({ library(psych); library(jsonlite) })
d <- read.csv("reliability/bfi.csv")
items <- c("A1", "A2", "A3", "A4", "A5", "C1", "C2", "C3", "C4", "C5")
x <- d[, items]
k <- KMO(x)
b <- cortest.bartlett(x)
out <- list(
  description = "psych::KMO(bfi[items]) and psych::cortest.bartlett(bfi[items]) on the raw data with its missing values (pairwise correlations; Bartlett's n = the rows)",
  items = items, rows = nrow(x),
  kmo = list(overall = k$MSA, items = as.list(setNames(k$MSAi, items))),
  bartlett = list(chisq = b$chisq, df = b$df, pvalue = b$p.value))
write(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "reliability/kmo-pairwise.json")
