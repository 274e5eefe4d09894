# Produces the missing-data fixtures in tests/SemLib.Tests/Reference/missing/<case>/moments.json with lavaan itself:
# the EM estimates of the unrestricted (h1) means and covariances, the h1 log-likelihood, the coverage matrix, the
# missing-data patterns, and the fitted model's implied moments with the log-likelihood there.
#   hs-cfa-fiml  data.csv copied unchanged from the shared lavaan reference case of the same name (Holzinger &
#                Swineford with about 8% of each item deleted at random); case.json there is the shared case itself.
#   mono-small   40 rows of 4 variables simulated here from a one-factor model: nested (monotone) patterns
#                1111 (28 rows) > 1110 (6) > 1100 (4), one row missing only y1 (a pattern with a single row), and
#                one row missing everything (lavaan drops it).
# Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-missing-cases.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite. Tests never run R: they read the committed JSON.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/missing"

mat <- function(m) unname(lapply(seq_len(nrow(m)), function(i) as.numeric(m[i, ])))

write_case <- function(name, description, model, data, vars) {
  # lavaan's defaults: the EM for h1 stops when no mean or covariance moves by more than em.h1.tol = 1e-5.
  fit <- cfa(model, data, missing = "ml")
  # The same EM run to a tight tolerance, so a converged EM elsewhere can be compared to more digits.
  tight <- cfa(model, data, missing = "ml", em.h1.tol = 1e-12, em.h1.iter.max = 100000L)
  stopifnot(lavInspect(fit, "converged"), lavInspect(tight, "converged"))
  ov <- lavNames(fit, "ov")
  stopifnot(identical(ov, vars))
  h1 <- lavInspect(fit, "sampstat.h1")
  h1t <- lavInspect(tight, "sampstat.h1")
  implied <- lavInspect(fit, "implied")
  Mp <- fit@Data@Mp[[1]]
  fm <- fitMeasures(fit, c("logl", "unrestricted.logl", "ntotal"))
  fmt <- fitMeasures(tight, c("unrestricted.logl"))
  case <- list(
    name = name, description = description,
    reference = "lavaan 0.6.14, R 4.2.2 (tests/SemLib.Tests/Reference/scripts/make-missing-cases.R)",
    call = "cfa", options = list(missing = "ml"), model = model, data = "data.csv",
    variables = ov,
    rows = nrow(data),
    nobs = lavInspect(fit, "nobs"),
    empty_rows = length(Mp$empty.idx),
    npatterns = Mp$npatterns,
    # lavaan's order: pattern strings of 0/1 (1 = observed) sorted as text.
    patterns = mat(1L * Mp$pat),
    pattern_freq = Mp$freq,
    coverage = mat(lavInspect(fit, "coverage")),
    h1_mean = as.numeric(h1$mean),
    h1_cov = mat(h1$cov),
    unrestricted_logl = as.numeric(fm["unrestricted.logl"]),
    h1_tight_em_tol = 1e-12,
    h1_tight_mean = as.numeric(h1t$mean),
    h1_tight_cov = mat(h1t$cov),
    unrestricted_logl_tight = as.numeric(fmt["unrestricted.logl"]),
    implied_mean = as.numeric(implied$mean),
    implied_cov = mat(implied$cov),
    logl = as.numeric(fm["logl"]))
  dir.create(file.path(out.dir, name), recursive = TRUE, showWarnings = FALSE)
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, name, "moments.json"))
  cat("wrote", name, "\n")
}

hs <- read.csv(file.path(out.dir, "hs-cfa-fiml", "data.csv"))
write_case("hs-cfa-fiml", "Holzinger-Swineford CFA with about 8% of each item missing at random (the shared hs-cfa-fiml case).",
  "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n", hs, paste0("x", 1:9))

set.seed(20261206)
n <- 40
f <- rnorm(n)
small <- data.frame(
  y1 = round(10 + 1.0 * f + rnorm(n, sd = 0.8), 3),
  y2 = round(20 + 0.8 * f + rnorm(n, sd = 0.7), 3),
  y3 = round(5 + 1.2 * f + rnorm(n, sd = 0.9), 3),
  y4 = round(0.9 * f + rnorm(n, sd = 0.6), 3))
small$y4[29:38] <- NA      # rows 29-38 miss y4
small$y3[35:38] <- NA      # rows 35-38 miss y3 and y4 (monotone)
small$y1[39] <- NA         # row 39 misses only y1: a pattern with one row
small[40, ] <- NA          # row 40 misses everything: dropped
write.csv(small, file.path(out.dir, "mono-small", "data.csv"), row.names = FALSE, na = "")
write_case("mono-small", "Four variables, 40 rows: monotone patterns, one single-row pattern, one empty row; one-factor CFA.",
  "f =~ y1 + y2 + y3 + y4\n", small, paste0("y", 1:4))
