# Evidence for a semlib_lower_chisq note in the random corpus: lavaan's fit function evaluated (no optimisation) at
# SemLib's estimates. Usage, from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/check-lower-chisq.R CASE-DIR ESTIMATES.csv
# where ESTIMATES.csv has columns lhs,op,rhs,est (SemLib's fit.Parameters for the case, e.g. written by a scratch
# program). Prints lavaan's chisq and fmin at that point, to compare with the case's reference chisq.
suppressPackageStartupMessages(library(lavaan))
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 2)
case <- jsonlite::fromJSON(file.path(args[1], "case.json"))
d <- read.csv(file.path(args[1], "data.csv"))
est <- read.csv(args[2], stringsAsFactors = FALSE)
std.lv <- isTRUE(case$options$std.lv)
ms <- if (isTRUE(case$options$meanstructure)) TRUE else "default"
f0 <- cfa(case$model, data = d, std.lv = std.lv, meanstructure = ms, do.fit = FALSE)
pt <- parTable(f0)
key <- function(l, o, r) paste(l, o, r)
m <- match(key(pt$lhs, pt$op, pt$rhs), key(est$lhs, est$op, est$rhs))
m2 <- match(key(pt$rhs, pt$op, pt$lhs), key(est$lhs, est$op, est$rhs))
m[is.na(m)] <- m2[is.na(m)]
stopifnot(!any(is.na(m)))
pt$start <- est$est[m]
pt$est <- est$est[m]
f1 <- suppressWarnings(cfa(case$model, data = d, std.lv = std.lv, meanstructure = ms, start = pt, optim.method = "none"))
cat("lavaan at SemLib's estimates: chisq", format(fitMeasures(f1, "chisq"), digits = 10),
    " fmin", format(fitMeasures(f1, "fmin"), digits = 10),
    " (case reference chisq", format(case$fit_measures$chisq, digits = 10), ")\n")
