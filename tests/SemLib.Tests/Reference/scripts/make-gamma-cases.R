# Produces the fixtures in tests/SemLib.Tests/Reference/gamma/: lavaan's asymptotic covariance matrix of the sample
# moments of one group of complete rows, distribution-free (ADF) and normal-theory (NT). Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-gamma-cases.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite (Debian: r-cran-lavaan, r-cran-jsonlite). Tests never run R.
#
# gamma    = lavInspect(fit, "gamma") of a fit with estimator = "MLM" (lavaan computes it in lav_samplestats_Gamma
#            with its defaults: centred at the sample means, divisor N, not N - 1).
# gamma_nt = lavaan:::lav_samplestats_Gamma_NT(COV = S, MEAN = xbar, meanstructure = ...), S the sample covariance
#            with divisor N as lavInspect(fit, "sampstat") reports it.
# Both are written row by row in lavaan's moment order (the row names of lavInspect(fit, "gamma")): with a mean
# structure the p means first, then vech(S), the lower triangle taken column by column
# (x1~~x1, x1~~x2, ..., x1~~xp, x2~~x2, ...). The variable order is lavaan's (order of appearance in the model).
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/gamma"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)
script <- "tests/SemLib.Tests/Reference/scripts/make-gamma-cases.R"

rows.of <- function(m) lapply(seq_len(nrow(m)), function(i) as.numeric(m[i, ]))

write_case <- function(name, description, model, data, data.file, meanstructure) {
  fit <- cfa(model, data = data, estimator = "MLM", meanstructure = meanstructure)
  vars <- lavNames(fit, "ov")
  G <- lavInspect(fit, "gamma")
  ss <- lavInspect(fit, "sampstat")
  S <- unclass(ss$cov)[vars, vars]
  xbar <- colMeans(as.matrix(data[, vars]))
  NT <- lavaan:::lav_samplestats_Gamma_NT(COV = S, MEAN = xbar, meanstructure = meanstructure)
  # Check what this fixture claims about lavaan's conventions, so a later lavaan that changed them fails here.
  Y <- as.matrix(data[, vars]); N <- nrow(Y); p <- ncol(Y)
  Yc <- sweep(Y, 2, xbar)
  lower <- which(lower.tri(diag(p), diag = TRUE), arr.ind = TRUE) # column by column
  Z <- Yc[, lower[, 1], drop = FALSE] * Yc[, lower[, 2], drop = FALSE]
  if (meanstructure) Z <- cbind(Yc, Z)
  Zc <- sweep(Z, 2, colMeans(Z))
  stopifnot(max(abs(unclass(G) - crossprod(Zc) / N)) < 1e-12)
  labels <- c(if (meanstructure) paste0(vars, "~1"), paste0(vars[lower[, 2]], "~~", vars[lower[, 1]]))
  stopifnot(identical(rownames(G), labels))
  case <- list(
    name = name, description = description,
    reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    call = "cfa(model, data, estimator = \"MLM\", meanstructure = ...)",
    model = model, data = data.file, nobs = lavInspect(fit, "nobs"),
    meanstructure = meanstructure,
    variables = vars,
    moment_order = paste(if (meanstructure) "the means in variable order, then", "vech(S): the lower triangle column by column"),
    moments = labels,
    gamma_divisor = "N",
    sample_mean = as.numeric(xbar),
    sample_cov = rows.of(S),
    gamma = rows.of(unclass(G)),
    gamma_nt = rows.of(NT))
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, paste0(name, ".json")))
}

hs.file <- "tests/SemLib.Tests/Reference/lavaan/hs-cfa/data.csv"
hs <- read.csv(hs.file)
hs.model <- "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n"
write_case("hs9", "Holzinger-Swineford (1939), the 9 items x1..x9, 301 complete rows; no mean structure.",
           hs.model, hs, "../lavaan/hs-cfa/data.csv", FALSE)
write_case("hs9-means", "Holzinger-Swineford (1939), the 9 items x1..x9, 301 complete rows; with a mean structure.",
           hs.model, hs, "../lavaan/hs-cfa/data.csv", TRUE)

# A small skewed data set: 20 rows of three variables, rounded to 3 decimals so data.csv holds them exactly. The model
# names them y3, y1, y2, so lavaan's variable order differs from the file's column order.
set.seed(20261206)
n <- 20
e <- rexp(n)
small <- data.frame(y1 = round(e + rnorm(n, sd = 0.5), 3),
                    y2 = round(0.5 * e + rexp(n, 2), 3),
                    y3 = round(e^2 / 2 + rnorm(n), 3))
write.csv(small, file.path(out.dir, "small3.csv"), row.names = FALSE)
small <- read.csv(file.path(out.dir, "small3.csv"))
write_case("small3-means", "Twenty rows of three skewed variables (generated in the script), with a mean structure; lavaan's variable order y3, y1, y2.",
           "f =~ y3 + y1 + y2\n", small, "small3.csv", TRUE)
cat("wrote", out.dir, "\n")
