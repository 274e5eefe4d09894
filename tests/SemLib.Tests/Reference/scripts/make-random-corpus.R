# Produces the random-model corpus in tests/SemLib.Tests/Reference/random-corpus/ (SemLib issue 8): random CFA and
# SEM models, simulated with lavaan::simulateData, fitted with lavaan, one folder per case with case.json (the same
# fields as the other reference cases, see Reference/README.md, plus `generator`) and data.csv.
# Run from the repository root (deterministic: every case has its own seed derived from BASE.SEED):
#   Rscript tests/SemLib.Tests/Reference/scripts/make-random-corpus.R [number-of-random-cases]
# Needs R 4.2 with lavaan 0.6.14, psych 2.2.9 and jsonlite (Debian: r-cran-lavaan, r-cran-psych, r-cran-jsonlite).
# Tests never run R: they read the committed files.
#
# What varies (drawn per case): CFA or SEM with latent regressions; 2-8 factors with 2-6 indicators each; loadings
# 0.3-0.9 in absolute value, either sign (the first indicator, the marker under lavaan's default identification, is
# negative in about 40% of factors); residual variances 1 - loading^2 (standardized indicators before rescaling);
# N log-uniform in 80-2000 (three in four data sets above 16000 cells are cut to that size); about a third of the data sets with
# columns multiplied by 10^k, k in -3..3; about a third of the analysis models misspecified (a cross-loading or a
# residual covariance of the population left out, a latent regression left out or added); about a quarter with
# std.lv = TRUE; about a tenth with a mean structure.
# The data are rounded to 6 significant digits, written to data.csv, read back, and lavaan is fitted to what was
# read back, so the reference is for exactly the data SemLib reads.
#
# A case where SemLib reaches a lower chi-square than lavaan carries a `semlib_lower_chisq` note with the evidence:
# add it to LOWER.CHISQ.NOTES below (case id -> list(semlib_chisq = , lavaan_chisq = , evidence = "...")) and rerun.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
args <- commandArgs(trailingOnly = TRUE)
N.CASES <- if (length(args) >= 1) as.integer(args[1]) else 130L
BASE.SEED <- 20261206L
out.dir <- "tests/SemLib.Tests/Reference/random-corpus"
REFERENCE <- "lavaan 0.6.14, R 4.2.2 (tests/SemLib.Tests/Reference/scripts/make-random-corpus.R)"

LOWER.CHISQ.NOTES <- list(
  "r129-cfa7-residual-covariance-stdlv-scaled" = list(
    semlib_chisq = 336.5113649, lavaan_chisq = 338.2664115,
    evidence = paste(
      "The model is empirically under-identified (f5 has two indicators; lavaan's own fit to the unscaled data has a",
      "negative variance and an information matrix it cannot invert), so both programs stop on a flat ridge. SemLib",
      "reports status ConvergedSingular (the fit function converged, the estimates drift). lavaan 0.6.14 evaluated on",
      "data.csv at SemLib's estimates (start = SemLib's parameter table, optim.method = 'none') gives chisq 336.5113649",
      "and fmin 0.4347692053, exactly SemLib's values and lower than lavaan's reported 338.2664115: lavaan's stop is",
      "not the minimum of its own fit function.")))

num <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), x, NA) }
fmt <- function(x) formatC(x, digits = 4, format = "fg", flag = "")
sample2 <- function(v) v[sample.int(length(v), 1)]   # one element of v, also when v has length one

# Runs expr, collecting warnings (muffled) instead of printing them.
with_warnings <- function(expr) {
  w <- character(0)
  value <- withCallingHandlers(expr, warning = function(c) { w <<- c(w, conditionMessage(c)); invokeRestart("muffleWarning") })
  list(value = value, warnings = unique(w))
}

# lavaan's results for a fitted model, in the fields of the other reference cases.
results <- function(fit) {
  pe <- with_warnings(parameterEstimates(fit, standardized = TRUE))$value
  pt <- parTable(fit)
  if (is.null(pe$group)) pe$group <- 1L
  if (is.null(pe$label)) pe$label <- ""
  key.pe <- paste(pe$lhs, pe$op, pe$rhs, pe$group)
  key.pt <- paste(pt$lhs, pt$op, pt$rhs, pt$group)
  free <- pt$free[match(key.pe, key.pt)] > 0
  free[pe$op == ":="] <- NA
  col <- function(name) if (is.null(pe[[name]])) rep(NA, nrow(pe)) else pe[[name]]
  params <- lapply(seq_len(nrow(pe)), function(i) list(
    lhs = pe$lhs[i], op = pe$op[i], rhs = pe$rhs[i], label = pe$label[i],
    est = num(pe$est[i]), se = num(col("se")[i]), z = num(col("z")[i]), pvalue = num(col("pvalue")[i]),
    ci.lower = num(col("ci.lower")[i]), ci.upper = num(col("ci.upper")[i]),
    std.lv = num(col("std.lv")[i]), std.all = num(col("std.all")[i]),
    free = free[i], group = pe$group[i]))
  fm <- tryCatch(with_warnings(fitMeasures(fit))$value, error = function(e) NULL)
  r2 <- tryCatch(lavInspect(fit, "r2"), error = function(e) NULL)
  implied <- lavInspect(fit, "implied")
  list(
    converged = lavInspect(fit, "converged"), nobs = lavInspect(fit, "nobs"),
    parameters = params,
    fit_measures = if (is.null(fm)) NULL else setNames(lapply(fm, num), names(fm)),
    r2 = if (is.null(r2)) NULL else as.list(setNames(num(r2), names(r2))),
    implied = list(names = colnames(implied$cov), cov = unname(unclass(implied$cov))))
}

# Scale factors of the parameter rows (lhs, op, rhs) when each observed column v is multiplied by scale[v]: `est`
# for estimates, SEs and CIs (a factor takes the scale of its marker, the loading fixed to 1, or none with std.lv),
# `std.lv` for the std.lv column (only observed variables carry a scale there). z, p, std.all, R² and the
# scale-free fit measures do not change: ML estimation is scale-equivariant.
scale_factors <- function(pt, rows, scale) {
  s <- unlist(scale)
  so <- function(v) ifelse(v %in% names(s), s[v], 1)
  sl <- s
  for (f in unique(pt$lhs[pt$op == "=~"])) {
    marker <- pt$rhs[pt$op == "=~" & pt$lhs == f & pt$free == 0 & pt$est == 1]
    sl[f] <- if (length(marker)) s[marker[1]] else 1
  }
  sa <- function(v) ifelse(v %in% names(sl), sl[v], 1)
  by <- function(sc) ifelse(rows$op == "=~", sc(rows$rhs) / sc(rows$lhs),
        ifelse(rows$op == "~~", sc(rows$lhs) * sc(rows$rhs),
        ifelse(rows$op == "~", sc(rows$lhs) / sc(rows$rhs),
        ifelse(rows$op == "~1", sc(rows$lhs), 1))))
  list(est = unname(by(sa)), std.lv = unname(by(so)))
}

# Fit measures that depend on the scale of the data (log-likelihoods and what is built on them, raw residuals).
SCALE.DEPENDENT <- c("logl", "unrestricted.logl", "aic", "bic", "bic2", "rmr", "rmr_nomean")
# Not cross-checked: lavaan's standardized residual summaries lose precision on badly scaled data (on r003 its srmr
# on the rescaled data is 0.03048 where the sample and implied covariances it reports give 0.03150, as on the
# unscaled data), and its baseline (independence) model often fails to converge there, so the measures built on the
# baseline are not cross-checked either; the moved values are the scale-free ones.
NOT.CROSS.CHECKED <- c("baseline.chisq", "baseline.df", "baseline.pvalue", "cfi", "tli", "nnfi", "rfi", "nfi", "pnfi", "ifi", "rni",
                       "srmr", "srmr_bentler", "srmr_bentler_nomean", "crmr", "crmr_nomean", "srmr_mplus", "srmr_mplus_nomean")

# lavaan's default start values often fail on data with columns rescaled by powers of ten (nlminb stops early or
# wanders off, even when started at the optimum, and lavaan's raw-scale gradient check rejects what it finds). For
# such a case the reference is built from lavaan's fit to the data with the scaling undone, moved to the rescaled
# metric by the scale equivariance of ML (scale_factors), and cross-checked against lavaan evaluated on the rescaled
# data at that point (optim.method = "none": lavaan's own estimates, std.lv, std.all, R², implied covariances and fit
# measures there; the scale-dependent fit measures are taken from it). The fixture's `lavaan_rescue` says so.
fit_case <- function(call, model, data, options, scale) {
  fitted <- with_warnings(do.call(call, c(list(model = model, data = data), options)))
  plain <- c(fitted, list(res = NULL, rescue = NULL))
  if (is.null(scale)) return(plain)
  converged <- lavInspect(fitted$value, "converged")
  se.missing <- converged && any(is.na(parameterEstimates(fitted$value)$se[parTable(fitted$value)$free > 0]))
  if (converged && !se.missing) return(plain)
  unscaled <- data
  for (v in names(scale)) unscaled[[v]] <- unscaled[[v]] / scale[[v]]
  f0 <- with_warnings(do.call(call, c(list(model = model, data = unscaled), options)))
  if (!lavInspect(f0$value, "converged")) return(plain)
  pt0 <- parTable(f0$value)
  start <- pt0
  start$est <- start$est * scale_factors(pt0, pt0, scale)$est
  fe <- with_warnings(do.call(call, c(list(model = model, data = data, start = start, optim.method = "none"), options)))$value
  res0 <- results(f0$value); rese <- results(fe)
  worst <- 0; worst.what <- ""
  check <- function(mine, theirs, what) {
    if (is.null(mine) || is.null(theirs) || is.na(mine) || is.na(theirs)) return(invisible())
    d <- abs(mine - theirs) / max(1, abs(theirs))
    if (d > worst) { worst <<- d; worst.what <<- sprintf("%s: %.10g moved, %.10g evaluated", what, mine, theirs) }
  }
  rows <- data.frame(lhs = sapply(res0$parameters, `[[`, "lhs"), op = sapply(res0$parameters, `[[`, "op"),
                     rhs = sapply(res0$parameters, `[[`, "rhs"))
  k <- scale_factors(pt0, rows, scale)
  res <- res0
  for (i in seq_along(res$parameters)) {
    p0 <- res0$parameters[[i]]; pe <- rese$parameters[[i]]
    stopifnot(p0$lhs == pe$lhs, p0$op == pe$op, p0$rhs == pe$rhs)
    p <- p0
    for (col in c("est", "se", "ci.lower", "ci.upper")) p[[col]] <- p0[[col]] * k$est[i]
    p$std.lv <- p0$std.lv * k$std.lv[i]
    row <- paste0(p$lhs, p$op, p$rhs)
    check(p$est, pe$est, paste(row, "est")); check(p$std.lv, pe$std.lv, paste(row, "std.lv")); check(p$std.all, pe$std.all, paste(row, "std.all"))
    res$parameters[[i]] <- p
  }
  for (m in names(res0$fit_measures)) {
    if (m %in% SCALE.DEPENDENT) res$fit_measures[[m]] <- rese$fit_measures[[m]]
    else if (!m %in% NOT.CROSS.CHECKED) check(res0$fit_measures[[m]], rese$fit_measures[[m]], m)
  }
  for (v in names(res0$r2)) check(res0$r2[[v]], rese$r2[[v]], paste("r2", v))
  s <- unlist(scale)[res0$implied$names]
  res$implied <- rese$implied
  check(max(abs(res0$implied$cov * outer(s, s) - rese$implied$cov) / outer(s, s)), 0, "implied")
  if (worst > 1e-4) stop(sprintf("rescaled reference and lavaan at that point differ by %g (relative) in %s", worst, worst.what))
  c(f0, list(res = res, rescue = list(
    default_start_converged = converged, default_start_standard_errors = !se.missing, default_start_warnings = fitted$warnings,
    unscaled_fit_warnings = f0$warnings,
    cross_check_max_relative_difference = worst,
    note = paste("lavaan did not converge from its default start values on the rescaled data (it also fails when started",
                 "at the optimum), or converged without standard errors (its information matrix could not be inverted). This reference is lavaan's fit to data.csv with the columns divided by generator.rescale,",
                 "moved to the rescaled metric by the scale equivariance of ML: est, se, CI times the row's scale factor,",
                 "std.lv times the observed variables' factors, z, p, std.all, R2 and scale-free fit measures unchanged.",
                 "It was cross-checked against lavaan evaluated on the rescaled data at that point (optim.method = 'none'):",
                 "estimates, std.lv, std.all, R2, implied covariances and fit measures agree to the relative difference",
                 "given (except srmr and crmr, where lavaan loses precision on badly scaled data, and the measures built on the",
                 "baseline model, which lavaan often fails to fit to badly scaled data); logl, unrestricted.logl, aic,",
                 "bic, bic2, rmr and rmr_nomean are taken from that evaluation"))))
}

write_case <- function(id, description, call, model, data.file, options, generator, scale = NULL) {
  data <- read.csv(data.file)
  fitted <- fit_case(call, model, data, options, scale)
  res <- if (is.null(fitted$res)) results(fitted$value) else fitted$res
  case <- c(list(
    name = id, description = description, reference = REFERENCE,
    call = call, options = if (length(options)) options else setNames(list(), character(0)),
    model = model, data = "data.csv", sample_cov = NULL, sample_nobs = NULL),
    res,
    list(lavaan_warnings = fitted$warnings, lavaan_rescue = fitted$rescue, lavaan_ms_per_fit = NULL, generator = generator))
  if (!is.null(LOWER.CHISQ.NOTES[[id]])) case$semlib_lower_chisq <- LOWER.CHISQ.NOTES[[id]]
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, id, "case.json"))
  cat(sprintf("%-48s converged=%s%s chisq=%s%s\n", id, res$converged, if (is.null(fitted$rescue)) "" else " (rescued)",
              if (is.null(res$fit_measures)) "NA" else fmt(res$fit_measures$chisq),
              if (length(fitted$warnings)) paste0("  [", length(fitted$warnings), " warning(s)]") else ""))
}

# ---------------------------------------------------------------- random cases

# A random correlation matrix for k factors: off-diagonal values in -0.4..0.6, shrunk until comfortably positive definite.
random_cor <- function(k) {
  R <- diag(k)
  for (i in seq_len(k)) for (j in seq_len(k)) if (i < j) R[i, j] <- R[j, i] <- round(runif(1, -0.4, 0.6), 2)
  while (min(eigen(R, symmetric = TRUE, only.values = TRUE)$values) < 0.2) R <- round(diag(k) + 0.8 * (R - diag(k)), 2)
  R
}

make_random_case <- function(i) {
  seed <- BASE.SEED + i
  set.seed(seed)
  kind <- if (runif(1) < 0.35) "sem" else "cfa"
  nf <- sample(2:8, 1)
  ni <- sample(2:6, nf, replace = TRUE)
  if (kind == "sem") ni <- pmax(ni, 3L)   # regressions among factors: keep every factor identified on its own
  p <- sum(ni)
  f <- paste0("f", seq_len(nf))
  items <- split(paste0("x", seq_len(p)), rep(seq_len(nf), ni))
  item.factor <- rep(seq_len(nf), ni)
  lambda <- runif(p, 0.3, 0.9)
  first <- !duplicated(item.factor)
  sgn <- ifelse(first, ifelse(runif(p) < 0.4, -1, 1), ifelse(runif(p) < 0.2, -1, 1))
  lambda <- round(lambda * sgn, 2)

  # structural part: in a SEM, factors 1..nexo are exogenous; each later factor regresses on 1-2 earlier ones
  regs <- data.frame(lhs = integer(0), rhs = integer(0), beta = numeric(0))
  nexo <- nf
  if (kind == "sem") {
    nexo <- sample(seq_len(max(1, nf - 1)), 1)
    if (nexo == nf) nexo <- nf - 1
    for (j in (nexo + 1):nf) {
      preds <- sample(seq_len(j - 1), min(j - 1, sample(1:2, 1)))
      for (k in preds) regs <- rbind(regs, data.frame(lhs = j, rhs = k, beta = round(runif(1, 0.2, 0.6) * ifelse(runif(1) < 0.25, -1, 1), 2)))
    }
  }
  phi <- random_cor(nexo)
  psi <- round(runif(nf, 0.3, 0.8), 2)

  # misspecification of the analysis model
  mis.types <- c("crossloading", "residual-covariance")
  if (kind == "sem") mis.types <- c(mis.types, "omitted-regression", "added-regression")
  mis <- if (runif(1) < 0.35) sample(mis.types, 1) else "none"
  extra.pop <- character(0)
  mis.detail <- NULL
  drop.reg <- NA; add.reg <- NULL
  if (mis == "crossloading") {
    x <- sample(p, 1); b <- sample2(setdiff(seq_len(nf), item.factor[x]))
    cl <- round(runif(1, 0.3, 0.5) * ifelse(runif(1) < 0.3, -1, 1), 2)
    extra.pop <- sprintf("%s =~ %s*x%d", f[b], cl, x)
    mis.detail <- sprintf("population cross-loading %s =~ %s*x%d left out of the analysis model", f[b], cl, x)
  } else if (mis == "residual-covariance") {
    xy <- sample(p, 2)
    rr <- runif(1, 0.2, 0.4) * ifelse(runif(1) < 0.3, -1, 1)
    cv <- round(rr * sqrt((1 - lambda[xy[1]]^2) * (1 - lambda[xy[2]]^2)), 3)
    extra.pop <- sprintf("x%d ~~ %s*x%d", xy[1], cv, xy[2])
    mis.detail <- sprintf("population residual covariance x%d ~~ %s*x%d left out of the analysis model", xy[1], cv, xy[2])
  } else if (mis == "omitted-regression") {
    multi <- which(regs$lhs %in% regs$lhs[duplicated(regs$lhs)])
    drop.reg <- if (length(multi)) multi[sample(length(multi), 1)] else sample(nrow(regs), 1)
    mis.detail <- sprintf("population regression %s ~ %s*%s left out of the analysis model",
                          f[regs$lhs[drop.reg]], regs$beta[drop.reg], f[regs$rhs[drop.reg]])
  } else if (mis == "added-regression") {
    cand <- expand.grid(lhs = (nexo + 1):nf, rhs = seq_len(nf))
    cand <- cand[cand$rhs < cand$lhs & !paste(cand$lhs, cand$rhs) %in% paste(regs$lhs, regs$rhs), ]
    if (nrow(cand) == 0) {
      mis <- "none"
    } else {
      add.reg <- cand[sample(nrow(cand), 1), ]
      mis.detail <- sprintf("analysis model adds %s ~ %s, which is zero in the population", f[add.reg$lhs], f[add.reg$rhs])
    }
  }

  std.lv <- runif(1) < 0.25
  means <- runif(1) < 0.1
  rescaled <- runif(1) < 1 / 3
  N <- round(exp(runif(1, log(80), log(2000))))
  # keep the corpus small: three in four data sets above 16000 cells are cut down to that
  if (N * p > 16000 && runif(1) >= 0.25) N <- max(80, floor(16000 / p))
  nu <- if (means) round(runif(p, -2, 5), 2) else NULL

  # factor variances implied by the population (for the residual variances of indicators of endogenous factors)
  B <- matrix(0, nf, nf)
  for (r in seq_len(nrow(regs))) B[regs$lhs[r], regs$rhs[r]] <- regs$beta[r]
  Psi <- diag(psi, nf); Psi[seq_len(nexo), seq_len(nexo)] <- phi
  IB <- solve(diag(nf) - B)
  vf <- diag(IB %*% Psi %*% t(IB))
  theta <- round((1 - lambda^2) * vf[item.factor], 3)

  # population syntax (every value fixed)
  pop <- character(0)
  for (j in seq_len(nf)) pop <- c(pop, sprintf("%s =~ %s", f[j], paste0(lambda[item.factor == j], "*", items[[j]], collapse = " + ")))
  pop <- c(pop, extra.pop)
  for (r in seq_len(nrow(regs))) pop <- c(pop, sprintf("%s ~ %s*%s", f[regs$lhs[r]], regs$beta[r], f[regs$rhs[r]]))
  for (j in seq_len(nexo)) for (k in seq_len(nexo)) if (j <= k) pop <- c(pop, sprintf("%s ~~ %s*%s", f[j], phi[j, k], f[k]))
  if (nexo < nf) for (j in (nexo + 1):nf) pop <- c(pop, sprintf("%s ~~ %s*%s", f[j], psi[j], f[j]))
  for (x in seq_len(p)) pop <- c(pop, sprintf("x%d ~~ %s*x%d", x, theta[x], x))
  if (means) for (x in seq_len(p)) pop <- c(pop, sprintf("x%d ~ %s*1", x, nu[x]))
  pop.syntax <- paste0(paste(pop, collapse = "\n"), "\n")

  # analysis syntax
  ana <- character(0)
  for (j in seq_len(nf)) ana <- c(ana, sprintf("%s =~ %s", f[j], paste(items[[j]], collapse = " + ")))
  keep <- if (is.na(drop.reg)) seq_len(nrow(regs)) else setdiff(seq_len(nrow(regs)), drop.reg)
  sregs <- regs[keep, ]
  if (!is.null(add.reg)) sregs <- rbind(sregs, data.frame(lhs = add.reg$lhs, rhs = add.reg$rhs, beta = NA))
  for (j in sort(unique(sregs$lhs))) ana <- c(ana, sprintf("%s ~ %s", f[j], paste(f[sort(sregs$rhs[sregs$lhs == j])], collapse = " + ")))
  model <- paste0(paste(ana, collapse = "\n"), "\n")

  data <- simulateData(pop.syntax, sample.nobs = N, seed = seed)
  data <- data[, paste0("x", seq_len(p))]
  k <- NULL
  if (rescaled) {
    k <- sample(-3:3, p, replace = TRUE)
    for (x in seq_len(p)) data[[x]] <- data[[x]] * 10^k[x]
  }
  data[] <- lapply(data, signif, 6)

  id <- sprintf("r%03d-%s%d%s%s%s%s", i, kind, nf,
                if (mis != "none") paste0("-", mis) else "", if (std.lv) "-stdlv" else "",
                if (means) "-means" else "", if (rescaled) "-scaled" else "")
  dir.create(file.path(out.dir, id), recursive = TRUE, showWarnings = FALSE)
  data.file <- file.path(out.dir, id, "data.csv")
  write.csv(data, data.file, row.names = FALSE)
  options <- list()
  if (std.lv) options$std.lv <- TRUE
  if (means) options$meanstructure <- TRUE
  description <- sprintf("Random %s: %d factors, %d indicators, N = %d%s%s%s%s.", toupper(kind), nf, p, N,
                         if (mis != "none") paste0(", misspecified (", mis, ")") else "",
                         if (std.lv) ", std.lv" else "", if (means) ", mean structure" else "",
                         if (rescaled) ", columns rescaled by powers of ten" else "")
  generator <- list(
    seed = seed, kind = kind, factors = nf, indicators_per_factor = as.list(ni), N = N,
    population_model = pop.syntax,
    misspecification = list(type = mis, detail = mis.detail),
    rescale = if (rescaled) setNames(as.list(10^k), paste0("x", seq_len(p))) else NULL,
    rounding = "6 significant digits; lavaan fitted to data.csv as written",
    simulate = sprintf("lavaan::simulateData(population_model, sample.nobs = %d, seed = %d)", N, seed))
  write_case(id, description, kind, model, data.file, options, generator,
             scale = if (rescaled) setNames(as.list(10^k), paste0("x", seq_len(p))) else NULL)
}

# ---------------------------------------------------------------- psych::bfi five-factor CFA

make_bfi <- function() {
  suppressPackageStartupMessages(library(psych))
  stopifnot(as.character(packageVersion("psych")) == "2.2.9")
  items <- paste0(rep(c("A", "C", "E", "N", "O"), each = 5), 1:5)
  bfi <- psych::bfi[, items]
  bfi <- bfi[complete.cases(bfi), ]
  stopifnot(nrow(bfi) == 2436)
  id <- "bfi-cfa"
  dir.create(file.path(out.dir, id), recursive = TRUE, showWarnings = FALSE)
  data.file <- file.path(out.dir, id, "data.csv")
  write.csv(bfi, data.file, row.names = FALSE)
  model <- paste0(paste(sprintf("%s =~ %s", c("agree", "consc", "extra", "neuro", "open"),
                                sapply(c("A", "C", "E", "N", "O"), function(l) paste0(l, 1:5, collapse = " + "))), collapse = "\n"), "\n")
  write_case(id, "psych::bfi five-factor CFA (complete rows of the 25 items, N = 2436), lavaan defaults; A1 is reverse keyed and is the agree marker.",
             "cfa", model, data.file, list(),
             list(source = "psych 2.2.9 bfi, the 25 items A1-O5, rows with every item present (complete.cases)", N = nrow(bfi)))
}

# With ONLY=3,10 in the environment, just those random cases are rewritten (each case depends only on its own seed).
only <- Sys.getenv("ONLY")
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)
if (only == "") {
  unlink(list.files(out.dir, full.names = TRUE), recursive = TRUE)
  make_bfi()
  for (i in seq_len(N.CASES)) make_random_case(i)
} else {
  for (i in as.integer(strsplit(only, ",")[[1]])) {
    unlink(Sys.glob(file.path(out.dir, sprintf("r%03d-*", i))), recursive = TRUE)
    make_random_case(i)
  }
}
