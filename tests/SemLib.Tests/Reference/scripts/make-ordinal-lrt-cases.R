# Produces the reference cases in tests/SemLib.Tests/Reference/ordinal-lrt/: lavTestLRT() of nested fits with ordered
# items (lavaan 0.6.14). For WLSMV/ULSMV (test "scaled.shifted") lavTestLRT's default is method = "satorra.2000" with
# scaled.shifted = TRUE and A.method = "delta": the mean-and-variance adjusted difference a * (T0 - T1) + b on
# m = df0 - df1 degrees of freedom; the scale a and shift b are lavTestLRT's attributes "scale" and "shift", and
# trace.UGamma / trace.UGamma2 are read from lavaan:::lav_test_diff_Satorra2000 (same call as lavTestLRT makes).
# DWLS (standard test) gives the plain chi-square difference.
#
# data.csv: HS x1..x9 cut into five categories (the same file as Reference/ordinal-fit/hs-cfa-wlsmv/data.csv, with
# the school column). Each case file <name>.json holds
#   options     ordered, estimator, parameterization, group (if any)
#   models      per model: name, model syntax, group_equal, and fitMeasures (npar, chisq, df, pvalue, chisq.scaled,
#               df.scaled, pvalue.scaled, cfi, cfi.scaled, cfi.robust, tli.scaled, rmsea, rmsea.scaled, rmsea.robust, srmr)
#   comparisons per call of lavTestLRT: the models compared (in the order given) and its rows (name, df, chisq,
#               chisq_diff, rmsea (only without a scaled test, lavTestLRT's RMSEA column: N = ntotal), df_diff, pvalue,
#               scale, shift, trace_ugamma, trace_ugamma2)
#   warnings    lavaan's warnings of the lavTestLRT calls
#   score_tests (groups-wlsmv only) per step after configural: lavTestScore's univariate tests of the constraints the
#               step added (loadings for metric, thresholds for scalar), largest first, with the parameter the
#               constraint's first side names, and the total with release = those constraints (lavTestScore warns that
#               se is not standard and gives the ordinary score test; its gradient.logl for DWLS carries (N_g-1)/N_g)
# Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-ordinal-lrt-cases.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite. Tests never run R: they read the committed files.
#
# Cases:
#   groups-wlsmv        school groups, delta: configural, loadings, loadings+thresholds (the invariance sequence;
#                       lavTestLRT(conf, met, sca) compares met against conf and sca against met, whose equality
#                       constraints exercise A in the reduced parameters), and lavTestLRT(conf, sca) directly.
#   groups-theta-wlsmv  school groups, theta: configural, loadings, + thresholds, + residuals (strict: with theta the
#                       later group's residual variances are fixed to the first group's 1).
#   groups-ulsmv        school groups, ULSMV: configural against loadings+thresholds.
#   single-wlsmv        one group: 3-factor CFA, the same with x2, x3 loadings equal (label a), and with x5 too.
#   single-ulsmv        the first two of single-wlsmv with ULSMV.
#   single-dwls         the first two with DWLS (standard test): plain chi-square difference.
#   single-wlsm         the first two with DWLS, se = "robust.sem", test = "satorra.bentler" (lavaan's WLSM): the
#                       mean-adjusted test, so lavTestLRT's default is method "satorra.bentler.2001".
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/ordinal-lrt"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)
d <- read.csv("tests/SemLib.Tests/Reference/ordinal-fit/hs-cfa-wlsmv/data.csv")
write.csv(d, file.path(out.dir, "data.csv"), row.names = FALSE)
items <- paste0("x", 1:9)
num <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), x, NA) }

three <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"
three.a <- "visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"
three.aa <- "visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + a*x5 + x6\nspeed =~ x7 + x8 + x9\n"
fm.names <- c("npar", "chisq", "df", "pvalue", "chisq.scaled", "df.scaled", "pvalue.scaled", "cfi", "cfi.scaled",
              "cfi.robust", "tli.scaled", "rmsea", "rmsea.scaled", "rmsea.robust", "srmr")

# Score tests of the constraints a step added (its group.equal kinds the previous step did not have), largest first.
score_tests <- function(fit, kinds) {
  pt <- parTable(fit)
  eq <- which(pt$op == "==")
  lhs.row <- match(pt$lhs[eq], pt$plabel)
  kind <- ifelse(pt$op[lhs.row] == "=~", "loadings", ifelse(pt$op[lhs.row] == "|", "thresholds", "other"))
  idx <- which(kind %in% kinds)
  st <- suppressWarnings(lavTestScore(fit, univariate = TRUE))
  uni <- st$uni[idx, ]
  total <- suppressWarnings(lavTestScore(fit, release = idx, univariate = FALSE))$test
  ord <- order(-uni$X2)
  list(
    univariate = lapply(ord, function(i) list(constraint = paste(uni$lhs[i], "==", uni$rhs[i]),
      parameter = trimws(paste(pt$lhs[lhs.row[idx[i]]], pt$op[lhs.row[idx[i]]], pt$rhs[lhs.row[idx[i]]])),
      chisq = num(uni$X2[i]), df = 1L, pvalue = num(uni$p.value[i]))),
    total = list(chisq = num(total$X2), df = total$df, pvalue = num(total$p.value)))
}

make_case <- function(name, description, options, models, comparisons, score = list()) {
  fits <- lapply(models, function(m) {
    args <- c(list(model = m$model, data = d, ordered = items), options)
    if (length(m$group_equal) > 0) args$group.equal <- m$group_equal
    do.call("cfa", args)
  })
  names(fits) <- sapply(models, `[[`, "name")
  model.out <- lapply(models, function(m) {
    f <- fits[[m$name]]
    stopifnot(lavInspect(f, "converged"))
    fm <- fitMeasures(f)
    c(list(name = m$name, model = m$model, group_equal = I(as.character(m$group_equal))),
      setNames(lapply(fm.names, function(k) if (k %in% names(fm)) num(fm[[k]]) else NA), fm.names))
  })
  warns <- character(0)
  comp.out <- lapply(comparisons, function(cmp) {
    lrt <- withCallingHandlers(do.call("lavTestLRT", c(unname(fits[cmp]), list(model.names = cmp))),
      warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
    sc <- attr(lrt, "scale"); sh <- attr(lrt, "shift")
    rows <- lapply(seq_len(nrow(lrt)), function(i) {
      tr1 <- tr2 <- NA
      if (i > 1 && !is.null(sc) && lrt[i, "Df diff"] > 0) {
        prev <- fits[[rownames(lrt)[i - 1]]]; cur <- fits[[rownames(lrt)[i]]]
        out <- lavaan:::lav_test_diff_Satorra2000(prev, cur, H1 = TRUE, Satterthwaite = TRUE, scaled.shifted = TRUE)
        stopifnot(abs(out$T.delta - lrt[i, "Chisq diff"]) < 1e-10)
        tr1 <- out$trace.UGamma; tr2 <- out$trace.UGamma2
      }
      list(name = rownames(lrt)[i], df = num(lrt[i, "Df"]), chisq = num(lrt[i, "Chisq"]),
           chisq_diff = num(lrt[i, "Chisq diff"]), rmsea = if ("RMSEA" %in% names(lrt)) num(lrt[i, "RMSEA"]) else NA, df_diff = num(lrt[i, "Df diff"]), pvalue = num(lrt[i, "Pr(>Chisq)"]),
           scale = if (is.null(sc)) NA else num(sc[i]), shift = if (is.null(sh)) NA else num(sh[i]),
           trace_ugamma = num(tr1), trace_ugamma2 = num(tr2))
    })
    list(models = I(cmp), method = heading_method(attr(lrt, "heading")),
         rows = rows)
  })
  opts <- options
  case <- list(name = name, description = description,
               reference = "lavaan 0.6.14, R 4.2.2 (tests/SemLib.Tests/Reference/scripts/make-ordinal-lrt-cases.R)",
               data = "data.csv", ordered = I(items), options = opts, models = model.out, comparisons = comp.out,
               warnings = I(unique(warns)))
  if (length(score) > 0) case$score_tests <- lapply(names(score), function(k) c(list(model = k), score_tests(fits[[k]], score[[k]])))
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null", null = "null"),
             file.path(out.dir, paste0(name, ".json")))
}

heading_method <- function(h) if (grepl("satorra.2000", h, fixed = TRUE)) "satorra.2000" else
  if (grepl("satorra.bentler.2001", h, fixed = TRUE)) "satorra.bentler.2001" else "standard"
grp <- function(p, est = "WLSMV") list(group = "school", estimator = est, parameterization = p)
m <- function(name, model, ge = character(0)) list(name = name, model = model, group_equal = ge)

make_case("groups-wlsmv", "HS ordinal, two schools, WLSMV delta: configural, metric (loadings), scalar (loadings, thresholds).",
  grp("delta"), list(m("configural", three), m("metric", three, "loadings"), m("scalar", three, c("loadings", "thresholds"))),
  list(c("configural", "metric", "scalar"), c("configural", "scalar"), c("configural", "metric")),
  score = list(metric = "loadings", scalar = "thresholds"))
make_case("groups-theta-wlsmv", "HS ordinal, two schools, WLSMV theta: configural, metric, scalar, strict (+ residuals).",
  grp("theta"), list(m("configural", three), m("metric", three, "loadings"), m("scalar", three, c("loadings", "thresholds")),
                     m("strict", three, c("loadings", "thresholds", "residuals"))),
  list(c("configural", "metric", "scalar", "strict")))
make_case("groups-ulsmv", "HS ordinal, two schools, ULSMV delta: configural against scalar (loadings, thresholds).",
  grp("delta", "ULSMV"), list(m("configural", three), m("scalar", three, c("loadings", "thresholds"))),
  list(c("configural", "scalar")))
make_case("single-wlsmv", "HS ordinal, one group, WLSMV: 3-factor CFA; x2, x3 loadings equal; x2, x3, x5 loadings equal.",
  list(estimator = "WLSMV"), list(m("free", three), m("equal2", three.a), m("equal3", three.aa)),
  list(c("free", "equal2", "equal3"), c("free", "equal3")))
make_case("single-ulsmv", "HS ordinal, one group, ULSMV: 3-factor CFA against x2, x3 loadings equal.",
  list(estimator = "ULSMV"), list(m("free", three), m("equal2", three.a)), list(c("free", "equal2")))
make_case("single-dwls", "HS ordinal, one group, DWLS (standard test): plain chi-square difference.",
  list(estimator = "DWLS"), list(m("free", three), m("equal2", three.a)), list(c("free", "equal2")))
make_case("single-wlsm", "HS ordinal, one group, DWLS with robust.sem and the satorra.bentler test (WLSM): satorra.bentler.2001 difference.",
  list(estimator = "DWLS", se = "robust.sem", test = "satorra.bentler"), list(m("free", three), m("equal2", three.a)), list(c("free", "equal2")))
