# Produces the fixtures in tests/SemLib.Tests/Reference/ordinal-stats/: lavaan's sample statistics for ordinal (and
# mixed ordinal/continuous) data — thresholds, polychoric/polyserial correlations, the asymptotic covariance matrix
# Gamma (NACOV) of (thresholds, variances of continuous variables, correlations) and the DWLS weights — plus a table
# of bivariate normal probabilities. Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-ordinal-stats-cases.R
# Needs R 4.2 with lavaan 0.6.14, psych, mvtnorm and jsonlite. Tests never run R.
#
# Every case is fitted with cfa(model, data, ordered = ..., estimator = "WLSMV", do.fit = FALSE): the sample statistics
# are computed before any fitting, so the model (one factor per group of items) does not matter. Written per group:
#   th, th_names  = lavInspect(fit, "sampstat")$th (for a continuous variable lavaan's slot holds its mean)
#   mean, cov     = lavInspect(fit, "sampstat")$mean / $cov (polychoric/polyserial correlations; a continuous
#                   variable's variance (divisor N) and covariances)
#   wls_obs       = lavInspect(fit, "wls.obs") (thresholds with -mean for a continuous variable, variances of the
#                   continuous variables, then the off-diagonal lower triangle of cov column by column)
#   gamma         = lavInspect(fit, "gamma") (= NACOV, N times the sandwich of Muthen 1984), row by row; for the
#                   large bfi case only the rows listed in gamma_rows (0-based) are written
#   wls_v_diag    = diag(lavInspect(fit, "wls.v")) (DWLS weights: 1 / diag(gamma))
#   zero_cell_tables = pairs of variables whose bivariate table has an empty cell (lavaan's own list)
suppressPackageStartupMessages({ library(lavaan); library(jsonlite); library(psych); library(mvtnorm) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/ordinal-stats"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)
script <- "tests/SemLib.Tests/Reference/scripts/make-ordinal-stats-cases.R"

rows.of <- function(m) lapply(seq_len(nrow(m)), function(i) as.numeric(m[i, ]))
as.list.g <- function(x, ngroups) if (ngroups == 1L) list(x) else x

write_case <- function(name, description, data, data.file, ordered, group = NULL, gamma.rows = NULL) {
  vars <- setdiff(names(data), group)
  model <- paste0("f =~ ", paste(vars, collapse = " + "), "\n")
  fit <- suppressWarnings(cfa(model, data = data, ordered = ordered, group = group, estimator = "WLSMV", do.fit = FALSE))
  ng <- lavInspect(fit, "ngroups")
  ss <- as.list.g(lavInspect(fit, "sampstat"), ng)
  wo <- as.list.g(lavInspect(fit, "wls.obs"), ng)
  G <- as.list.g(lavInspect(fit, "gamma"), ng)
  V <- as.list.g(lavInspect(fit, "wls.v"), ng)
  nobs <- lavInspect(fit, "nobs")
  zc <- fit@SampleStats@zero.cell.tables
  groups <- lapply(seq_len(ng), function(g) {
    Gg <- unclass(G[[g]])
    rows <- if (is.null(gamma.rows)) seq_len(nrow(Gg)) - 1L else gamma.rows
    stopifnot(max(abs(diag(unclass(V[[g]])) - 1 / diag(Gg))) < 1e-10 * max(abs(diag(unclass(V[[g]])))))
    z <- zc[[g]]
    list(label = if (ng > 1L) lavInspect(fit, "group.label")[g] else "",
         nobs = nobs[g],
         th = as.numeric(ss[[g]]$th), th_names = names(ss[[g]]$th),
         mean = as.numeric(ss[[g]]$mean),
         cov = rows.of(unclass(ss[[g]]$cov)[vars, vars]),
         wls_obs = as.numeric(wo[[g]]), wls_names = names(wo[[g]]),
         gamma_rows = rows,
         gamma = rows.of(Gg[rows + 1L, , drop = FALSE]),
         gamma_diag = as.numeric(diag(Gg)),
         wls_v_diag = as.numeric(diag(unclass(V[[g]]))),
         zero_cell_tables = if (is.null(z) || nrow(z) == 0L) list() else lapply(seq_len(nrow(z)), function(i) as.character(z[i, ])))
  })
  case <- list(
    name = name, description = description,
    reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    call = "cfa(model, data, ordered = ordered, group = group, estimator = \"WLSMV\", do.fit = FALSE); lavInspect(fit, \"sampstat\" / \"wls.obs\" / \"gamma\" / \"wls.v\")",
    data = data.file, variables = vars, ordered = ordered, group = if (is.null(group)) "" else group,
    groups = groups)
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = FALSE),
             file.path(out.dir, paste0(name, ".json")))
  invisible(fit)
}

# 1. Holzinger-Swineford items cut into five categories (the hs-cfa-ordinal reference data).
hs5 <- read.csv("/work/shared/reference/lavaan/hs-cfa-ordinal/data.csv")[, paste0("x", 1:9)]
write.csv(hs5, file.path(out.dir, "hs5.csv"), row.names = FALSE)
write_case("hs5", "Holzinger-Swineford (1939) x1..x9 cut into five ordered categories (the hs-cfa-ordinal data), 301 rows.",
           hs5, "hs5.csv", paste0("x", 1:9))

# 2. Small n, many categories: bivariate tables with empty cells (lavaan adds nothing to them: zero.add = c(0.5, 0),
#    the 0.5 only for a 2x2 table).
set.seed(20261206)
n <- 40
f <- rnorm(n)
cut7 <- function(x) as.integer(cut(x, breaks = c(-Inf, -1.4, -0.8, -0.3, 0.2, 0.7, 1.3, Inf)))
sparse <- data.frame(s1 = cut7(0.8 * f + rnorm(n, sd = 0.6)), s2 = cut7(0.7 * f + rnorm(n, sd = 0.7)),
                     s3 = cut7(0.6 * f + rnorm(n, sd = 0.8)), s4 = cut7(-0.5 * f + rnorm(n, sd = 0.9)))
write.csv(sparse, file.path(out.dir, "sparse.csv"), row.names = FALSE)
write_case("sparse", "Forty rows of four seven-category items (generated in the script): most bivariate tables have empty cells.",
           sparse, "sparse.csv", names(sparse))

# 3. Binary items with a 2x2 table that has exactly one empty cell (lavaan adds 0.5 keeping the margins).
set.seed(7)
n <- 60
b1 <- rbinom(n, 1, 0.4); b2 <- ifelse(b1 == 1, 1L, rbinom(n, 1, 0.3)); b3 <- rbinom(n, 1, plogis(b1 - 0.5))
binary <- data.frame(b1 = b1 + 1L, b2 = b2 + 1L, b3 = b3 + 1L)
stopifnot(sum(binary$b1 == 2 & binary$b2 == 1) == 0)
write.csv(binary, file.path(out.dir, "binary.csv"), row.names = FALSE)
write_case("binary", "Sixty rows of three binary items (generated): b1 = 2 implies b2 = 2, so the b1 x b2 table has one empty cell.",
           binary, "binary.csv", names(binary))

# 4. Mixed: x1..x3 continuous (the original HS scores), x4..x9 ordinal (the cut ones): polyserial correlations.
hs <- read.csv("/work/shared/reference/lavaan/hs-cfa/data.csv")
mixed <- data.frame(hs[, c("x1", "x2", "x3")], hs5[, paste0("x", 4:9)])
mixed <- mixed[, c("x1", "x4", "x2", "x5", "x6", "x3", "x7", "x8", "x9")]
write.csv(mixed, file.path(out.dir, "mixed.csv"), row.names = FALSE)
write_case("mixed", "Holzinger-Swineford: x1, x2, x3 continuous (original scores), x4..x9 cut into five categories, interleaved.",
           mixed, "mixed.csv", paste0("x", 4:9))

# 5. Gaps in the category codes: 1..5 mapped to 2, 4, 7, 8, 10 (and 0, 3, 9 for a three-category item).
gaps <- hs5[, paste0("x", 1:5)]
map <- c(2, 4, 7, 8, 10)
for (v in c("x1", "x2", "x3")) gaps[[v]] <- map[gaps[[v]]]
gaps$x4 <- c(0, 0, 3, 9, 9)[gaps$x4]
write.csv(gaps, file.path(out.dir, "gaps.csv"), row.names = FALSE)
write_case("gaps", "HS x1..x5 cut into five categories, recoded with gaps: x1..x3 use 2,4,7,8,10; x4 merged to three codes 0,3,9.",
           gaps, "gaps.csv", paste0("x", 1:5))

# 6. Two groups: the HS schools.
twog <- data.frame(hs5[, paste0("x", 1:6)], school = hs$school)
write.csv(twog, file.path(out.dir, "twogroups.csv"), row.names = FALSE)
write_case("twogroups", "HS x1..x6 cut into five categories, two groups (school: Pasteur, Grant-White).",
           twog, "twogroups.csv", paste0("x", 1:6), group = "school")

# 7. psych's bfi: the 25 six-point items, the 2436 complete rows.
bfi25 <- na.omit(psych::bfi[, 1:25])
rownames(bfi25) <- NULL
write.csv(bfi25, file.path(out.dir, "bfi.csv"), row.names = FALSE)
write_case("bfi", "psych::bfi, the 25 six-point items, the 2436 complete rows (Gamma: every 10th row written).",
           bfi25, "bfi.csv", names(bfi25), gamma.rows = seq(0L, 424L, by = 10L))

# Bivariate normal lower-orthant probabilities P(X < h, Y < k) with correlation r, by adaptive quadrature of
# integral_{-inf}^{h} dnorm(x) pnorm((k - r x) / sqrt(1 - r^2)) dx (rel.tol 2e-14), checked against mvtnorm::pmvnorm.
grid <- expand.grid(h = c(-5, -2.5, -1.3, -0.4, 0, 0.3, 1.1, 2.2, 4.5), k = c(-3.7, -1, -0.2, 0, 0.8, 1.9, 3.2),
                    r = c(-0.999, -0.95, -0.8, -0.5, -0.1, 0, 0.2, 0.6, 0.9, 0.93, 0.99, 0.9999))
val <- mapply(function(h, k, r) {
  if (r == 0) return(pnorm(h) * pnorm(k))
  s <- sqrt(1 - r * r)
  integrate(function(x) dnorm(x) * pnorm((k - r * x) / s), -Inf, h, rel.tol = 2e-14, abs.tol = 0, subdivisions = 1000L)$value
}, grid$h, grid$k, grid$r)
mv <- mapply(function(h, k, r) pmvnorm(upper = c(h, k), corr = matrix(c(1, r, r, 1), 2), algorithm = Miwa(steps = 4096))[1],
             grid$h, grid$k, grid$r)
stopifnot(max(abs(val - mv)) < 1e-9)
bvn <- list(reference = paste0("R ", getRversion(), " integrate(), rel.tol 2e-14; agrees with mvtnorm::pmvnorm (Miwa) within ",
                               signif(max(abs(val - mv)), 2), " (", script, ")"),
            h = grid$h, k = grid$k, r = grid$r, p = val)
writeLines(toJSON(bvn, digits = NA, auto_unbox = TRUE), file.path(out.dir, "bvn.json"))
cat("wrote", out.dir, "\n")
