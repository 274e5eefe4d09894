# Generates tests/SemLib.Tests/Reference/reliability/{reliability-extra.json, bfi.csv, bfi-restricted.csv}.
# Run from the repository root:  Rscript tests/SemLib.Tests/Reference/scripts/reliability-extra.R
# Needs R with psych 2.2.9, semTools 0.5.6, lavaan 0.6.14, GPArotation and jsonlite. The tests never run R.
suppressPackageStartupMessages({
  library(psych); library(lavaan); library(semTools); library(GPArotation); library(jsonlite)
})
out_dir <- "tests/SemLib.Tests/Reference/reliability"
ref <- sprintf("psych %s, semTools %s, lavaan %s, GPArotation %s on R %s",
               packageVersion("psych"), packageVersion("semTools"), packageVersion("lavaan"),
               packageVersion("GPArotation"), getRversion())

mat <- function(m) unname(lapply(seq_len(nrow(m)), function(i) as.numeric(m[i, ])))
named_matrix <- function(m) list(names = rownames(m), matrix = mat(m))

# ---------- 1. CFA-based quantities on the Holzinger-Swineford items (inputs for the pure functions) ----------
hs <- read.csv(file.path(out_dir, "hs.csv"))
model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
fit <- cfa(model, data = hs)
est <- lavInspect(fit, "est"); std <- lavInspect(fit, "std")
S <- lavInspect(fit, "sampstat")$cov            # lavaan's sample covariance (divisor N), what semTools uses
factors <- list()
for (f in colnames(est$lambda)) {
  items <- rownames(est$lambda)[est$lambda[, f] != 0]
  factors[[f]] <- list(items = items,
                       loadings = as.numeric(est$lambda[items, f]),
                       std_loadings = as.numeric(std$lambda[items, f]),
                       factor_variance = est$psi[f, f])
}
lam_std <- std$lambda
cr <- sapply(colnames(lam_std), function(f) { l <- lam_std[lam_std[, f] != 0, f]; sum(l)^2 / (sum(l)^2 + sum(1 - l^2)) })
ave <- sapply(colnames(lam_std), function(f) { l <- lam_std[lam_std[, f] != 0, f]; mean(l^2) })
hs_cfa <- list(
  call = "lavaan::cfa(model, data = hs)",
  model = model,
  factors = factors,
  observed_cov = named_matrix(unclass(S)),
  latent_correlations = named_matrix(unclass(std$psi)),
  composite_reliability = as.list(cr),
  ave = as.list(ave),
  omega_semtools = as.list(unclass(compRelSEM(fit))),
  ave_semtools = as.list(unclass(AVE(fit))))

# second-order factor g over the three first-order factors
model2 <- paste(model, "g =~ visual + textual + speed", sep = "\n")
fit2 <- cfa(model2, data = hs)
est2 <- lavInspect(fit2, "est"); std2 <- lavInspect(fit2, "std")
first <- list()
for (f in c("visual", "textual", "speed")) {
  items <- rownames(est2$lambda)[est2$lambda[, f] != 0]
  first[[f]] <- list(items = items, loadings = as.numeric(est2$lambda[items, f]))
}
gam_std <- as.numeric(std2$beta[c("visual", "textual", "speed"), "g"])
hs_second <- list(
  call = "lavaan::cfa(model, data = hs); semTools::compRelSEM(fit, higher = 'g')",
  model = model2,
  first_order = first,
  second_order_loadings = as.numeric(est2$beta[c("visual", "textual", "speed"), "g"]),
  second_order_std_loadings = gam_std,
  second_order_names = c("visual", "textual", "speed"),
  g_variance = est2$psi["g", "g"],
  observed_cov = named_matrix(unclass(lavInspect(fit2, "sampstat")$cov)),
  composite_reliability = sum(gam_std)^2 / (sum(gam_std)^2 + sum(1 - gam_std^2)),
  ave = mean(gam_std^2),
  omega_higher_semtools = unname(compRelSEM(fit2, higher = "g")["g"]))

# ---------- 2. bfi: reverse-keyed items and missing values ----------
items <- c(paste0("A", 1:5), paste0("C", 1:5), paste0("E", 1:5))
bfi_data <- psych::bfi[, items]
write.csv(bfi_data, file.path(out_dir, "bfi.csv"), row.names = FALSE, na = "")

alpha_case <- function(x, keys) {
  a <- if (length(keys)) psych::alpha(x, keys = keys, warnings = FALSE) else suppressWarnings(psych::alpha(x))
  keyed <- x
  if (length(keys)) { # psych's own rescoring: min + max over all items of the scale
    adj <- max(x, na.rm = TRUE) + min(x, na.rm = TRUE)
    for (k in keys) keyed[, k] <- adj - keyed[, k]
  }
  st <- a$item.stats; dr <- a$alpha.drop
  list(items = colnames(x), keys = as.list(keys),
       call = sprintf("psych::alpha(x, keys = c(%s))", paste0("'", keys, "'", collapse = ", ")),
       n_rows = nrow(x),
       alpha = a$total$raw_alpha, alpha_std = a$total$std.alpha, g6 = a$total$`G6(smc)`,
       average_r = a$total$average_r, mean = a$total$mean, sd = a$total$sd,
       alpha_ci_feldt = c(a$feldt$lower.ci[[1]], a$feldt$upper.ci[[1]]),
       items_stats = lapply(seq_along(colnames(x)), function(i) list(
         item = colnames(x)[i], n = st$n[i], mean = st$mean[i], sd = st$sd[i],
         raw_r = st$raw.r[i], std_r = st$std.r[i], r_cor = st$r.cor[i], r_drop = st$r.drop[i],
         alpha_if_deleted = dr$raw_alpha[i], std_alpha_if_deleted = dr$std.alpha[i],
         g6_if_deleted = dr$`G6(smc)`[i], average_r_if_deleted = dr$average_r[i],
         skew = psych::skew(keyed[, i]), kurtosis = psych::kurtosi(keyed[, i]))))
}
scales <- list(
  agreeableness = alpha_case(bfi_data[, paste0("A", 1:5)], c("A1")),
  conscientiousness = alpha_case(bfi_data[, paste0("C", 1:5)], c("C4", "C5")),
  extraversion = alpha_case(bfi_data[, paste0("E", 1:5)], c("E1", "E2")))

# psych's warning when keys are not given: items with a negative loading on the first principal component
p1 <- psych::principal(bfi_data[, paste0("A", 1:5)], scores = FALSE)
unkeyed <- list(scale = "agreeableness", items = paste0("A", 1:5),
                negative_items = I(rownames(p1$loadings)[p1$loadings < 0]),
                alpha = suppressWarnings(psych::alpha(bfi_data[, paste0("A", 1:5)]))$total$raw_alpha)

complete <- bfi_data[complete.cases(bfi_data), ]
k <- psych::KMO(cor(complete))
b <- psych::cortest.bartlett(cor(complete), n = nrow(complete))
htmt_model <- "agreeableness =~ A1 + A2 + A3 + A4 + A5\nconscientiousness =~ C1 + C2 + C3 + C4 + C5\nextraversion =~ E1 + E2 + E3 + E4 + E5"
h <- semTools::htmt(htmt_model, data = bfi_data)

efa_case <- function(fm, rotate, x, nf = 3) {
  f <- psych::fa(x, nfactors = nf, fm = fm, rotate = rotate)
  r <- list(call = sprintf("psych::fa(x, nfactors = %d, fm = '%s', rotate = '%s')", nf, fm, rotate),
            items = colnames(x), loadings = mat(unclass(f$loadings)),
            communalities = as.numeric(f$communality), uniquenesses = as.numeric(f$uniquenesses),
            ss_loadings = as.numeric(f$Vaccounted["SS loadings", ]),
            proportion_var = as.numeric(f$Vaccounted["Proportion Var", ]),
            eigenvalues = as.numeric(f$e.values),
            objective = f$objective, chisq = f$STATISTIC, dof = f$dof, n_obs = f$n.obs)
  if (!is.null(f$Phi)) r$factor_correlations <- mat(unclass(f$Phi))
  r
}
efa <- list(
  ml_varimax = efa_case("ml", "varimax", bfi_data),
  pa_promax = efa_case("pa", "promax", bfi_data),
  ml_oblimin = efa_case("ml", "oblimin", bfi_data),
  minres_oblimin = efa_case("minres", "oblimin", bfi_data),
  pa_oblimin = efa_case("pa", "oblimin", bfi_data))
hs_efa <- list(
  ml_oblimin = efa_case("ml", "oblimin", hs),
  minres_varimax = efa_case("minres", "varimax", hs),
  ml_promax = efa_case("ml", "promax", hs),
  pa_varimax = efa_case("pa", "varimax", hs))

bfi <- list(
  data = "bfi.csv", source = "psych::bfi[, c(A1:A5, C1:C5, E1:E5)] (2800 rows, missing values as empty cells)",
  complete_rows = nrow(complete),
  scales = scales, unkeyed_warning = unkeyed,
  kmo = list(call = "psych::KMO(cor(complete_rows))", overall = k$MSA, items = as.list(k$MSAi)),
  bartlett = list(call = "psych::cortest.bartlett(cor(complete_rows), n = complete_rows)",
                  chisq = b$chisq, df = b$df, pvalue = b$p.value),
  htmt = c(list(call = "semTools::htmt(model, data = bfi)", model = htmt_model), named_matrix(unclass(h))),
  efa = efa)

# ---------- 3. a reverse-keyed item that never reaches the scale minimum ----------
restricted <- psych::bfi[1:200, paste0("A", 1:5)]
restricted$A1[!is.na(restricted$A1) & restricted$A1 == 1] <- 2
write.csv(restricted, file.path(out_dir, "bfi-restricted.csv"), row.names = FALSE, na = "")
bfi_restricted <- list(data = "bfi-restricted.csv",
  source = "psych::bfi[1:200, A1:A5] with A1 = 1 recoded to 2 (A1 observes 2..6, the other items 1..6)",
  scale = alpha_case(restricted, c("A1")))

res <- list(reference = ref, hs_cfa = hs_cfa, hs_second_order = hs_second, hs_efa = hs_efa,
            bfi = bfi, bfi_restricted = bfi_restricted)
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(out_dir, "reliability-extra.json"))
