using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;

namespace SemLib.Reliability;

/// <summary>
/// Exploratory factor analysis agreeing with <c>psych::fa()</c> (psych 2.2.9) up to factor order and sign: ML,
/// principal axis or minres extraction of the correlation matrix, then varimax, promax or oblimin rotation, and
/// psych's post-processing (signs so that each factor's loadings sum positive, factors ordered by variance
/// accounted for). See <see cref="FactorExtraction"/> and <see cref="FactorRotation"/> for each method's source.
/// </summary>
public static class ExploratoryFactorAnalysis
{
    /// <summary>Factor-analyses items of raw data. Throws <see cref="ReliabilityException"/> naming the items when an
    /// item is missing from the data, constant or empty, when the correlation matrix is singular, or when
    /// <paramref name="factors"/> leaves negative degrees of freedom, ((p − m)² − (p + m))/2 &lt; 0.</summary>
    public static EfaResult Fit(DataSet data, IReadOnlyList<string> items, int factors, EfaOptions? options = null)
    {
        options ??= new EfaOptions();
        var (r, n, names) = Correlation(data, items, options.MissingData, "the factor analysis");
        return Fit(r, names, n, factors, options);
    }

    /// <summary>Factor-analyses a correlation (or covariance, which is rescaled) matrix from <paramref name="n"/>
    /// observations.</summary>
    public static EfaResult Fit(LabeledMatrix correlation, int n, int factors, EfaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        if (correlation.RowCount < 2) throw new ReliabilityException("The factor analysis needs at least 2 items.");
        if (n < 2) throw new ReliabilityException($"The factor analysis of {MessageText.List(correlation.RowNames)} needs at least 2 observations (got {n}).");
        return Fit(Stats.CovToCor(correlation.ToArray()), correlation.RowNames.ToArray(), n, factors, options ?? new EfaOptions());
    }

    /// <summary>Eigenvalues of the items' correlation matrix in decreasing order (the points of a scree plot).</summary>
    public static IReadOnlyList<double> Eigenvalues(DataSet data, IReadOnlyList<string> items, CorrelationMissingData missing = CorrelationMissingData.Pairwise)
    {
        var (r, _, _) = Correlation(data, items, missing, "the scree analysis");
        return Stats.EigenvaluesDescending(r);
    }

    internal static (double[,] R, int N, string[] Names) Correlation(DataSet data, IReadOnlyList<string> items, CorrelationMissingData missing, string context)
    {
        var d = ItemData.From(data, items, context);
        if (missing == CorrelationMissingData.Listwise)
        {
            var (rl, nl) = d.ListwiseCorrelation();
            return (rl, nl, d.Names);
        }
        var r = Stats.PairwiseCorrelation(d.Columns);
        for (int i = 0; i < d.P; i++)
            for (int j = 0; j < i; j++)
                if (double.IsNaN(r[i, j]))
                    throw new ReliabilityException($"{ItemData.Capital(context)}: the items {MessageText.Quote(d.Names[j])} and {MessageText.Quote(d.Names[i])} are observed together in fewer than two rows (or are constant where they are), so their correlation cannot be estimated.");
        return (r, d.N, d.Names);
    }

    private static EfaResult Fit(double[,] rArray, string[] names, int n, int m, EfaOptions options)
    {
        int p = names.Length;
        string context = $"The factor analysis of {MessageText.List(names)}";
        if (m < 1) throw new ReliabilityException($"{context}: the number of factors must be at least 1 (got {m}).");
        int twiceDof = (p - m) * (p - m) - (p + m);
        if (twiceDof < 0)
            throw new ReliabilityException($"{context}: {m} factors cannot be identified from {p} items (degrees of freedom ((p − m)² − (p + m))/2 = {twiceDof / 2.0} < 0).");
        int dof = twiceDof / 2;
        var eigenvalues = Stats.PositiveDefiniteEigenvalues(rArray, names, "the factor analysis");
        var r = Matrix<double>.Build.DenseOfArray(rArray);

        var extraction = options.Extraction switch
        {
            FactorExtraction.MaximumLikelihood => FactorExtractor.MaximumLikelihood(r, m),
            FactorExtraction.PrincipalAxis => FactorExtractor.PrincipalAxis(r, m, options.PrincipalAxisTolerance, options.PrincipalAxisMaxIterations),
            FactorExtraction.MinimumResidual => FactorExtractor.MinimumResidual(r, m),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Extraction, "Unknown extraction method."),
        };
        var warnings = extraction.Warnings;
        var unrotated = extraction.Loadings;
        FlipSigns(unrotated, null);
        var model = unrotated * unrotated.Transpose();
        var communality = Enumerable.Range(0, p).Select(i => model[i, i]).ToArray();
        var uniqueness = communality.Select(h => 1 - h).ToArray();

        Matrix<double> loadings = unrotated.Clone();
        Matrix<double>? phi = null;
        if (m > 1)
        {
            switch (options.Rotation)
            {
                case FactorRotation.Varimax:
                    loadings = FactorRotator.Varimax(unrotated).Loadings;
                    break;
                case FactorRotation.Promax:
                    var pro = FactorRotator.Promax(unrotated, options.PromaxPower);
                    (loadings, phi) = (pro.Loadings, pro.Phi);
                    break;
                case FactorRotation.Oblimin:
                    var ob = FactorRotator.Oblimin(unrotated, options.ObliminGamma, options.ObliminKaiserNormalization);
                    (loadings, phi) = (ob.Loadings, ob.Phi);
                    if (!ob.Converged) warnings.Add($"Oblimin rotation did not converge in {ob.Iterations - 1} iterations (GPArotation's limit); the last iterate is reported.");
                    break;
            }
        }
        FlipSigns(loadings, phi);

        // Order factors by variance accounted for, as psych does; names travel with their columns.
        string prefix = options.Extraction switch { FactorExtraction.MaximumLikelihood => "ML", FactorExtraction.PrincipalAxis => "PA", _ => "MR" };
        var ss = SsLoadings(loadings, phi);
        var order = Enumerable.Range(0, m).OrderByDescending(j => ss[j]).ToArray();
        var factorNames = order.Select(j => prefix + (j + 1)).ToArray();
        loadings = Matrix<double>.Build.Dense(p, m, (i, j) => loadings[i, order[j]]);
        if (phi is not null) phi = Matrix<double>.Build.Dense(m, m, (i, j) => phi[order[i], order[j]]);
        ss = order.Select(j => ss[j]).ToArray();
        var structure = phi is null ? loadings : loadings * phi;

        if (communality.Any(h => h > 1))
            warnings.Add($"An ultra-Heywood case: the communality of {MessageText.List(names.Where((_, i) => communality[i] > 1))} exceeds 1. Examine the results carefully.");
        else if (options.Extraction != FactorExtraction.PrincipalAxis && uniqueness.Any(u => u <= FactorExtractor.LowerBound + 1e-6))
            warnings.Add($"A Heywood case: the uniqueness of {MessageText.List(names.Where((_, i) => uniqueness[i] <= FactorExtractor.LowerBound + 1e-6))} reached the lower bound {FactorExtractor.LowerBound}.");

        double vtotal = p;
        var prop = ss.Select(v => v / vtotal).ToArray();
        var cum = new double[m];
        for (int j = 0; j < m; j++) cum[j] = prop[j] + (j > 0 ? cum[j - 1] : 0);
        double ssTotal = ss.Sum();

        return new EfaResult
        {
            Items = names,
            FactorNames = factorNames,
            Extraction = options.Extraction,
            Rotation = m > 1 ? options.Rotation : FactorRotation.None,
            Loadings = new LabeledMatrix(names, factorNames, loadings.ToArray()),
            Structure = new LabeledMatrix(names, factorNames, structure.ToArray()),
            FactorCorrelations = phi is null ? null : new LabeledMatrix(factorNames, phi.ToArray()),
            Communalities = communality,
            Uniquenesses = uniqueness,
            Eigenvalues = eigenvalues,
            SsLoadings = ss,
            ProportionVariance = prop,
            CumulativeVariance = cum,
            ProportionExplained = ss.Select(v => v / ssTotal).ToArray(),
            Correlation = new LabeledMatrix(names, rArray),
            Fit = FitStatistics(r, loadings, phi, n, m, dof),
            Iterations = extraction.Iterations,
            Warnings = warnings,
        };
    }

    private static void FlipSigns(Matrix<double> loadings, Matrix<double>? phi)
    {
        for (int j = 0; j < loadings.ColumnCount; j++)
        {
            if (loadings.Column(j).Sum() >= 0) continue;
            loadings.SetColumn(j, -loadings.Column(j));
            if (phi is null) continue;
            phi.SetColumn(j, -phi.Column(j));
            phi.SetRow(j, -phi.Row(j));
        }
    }

    private static double[] SsLoadings(Matrix<double> l, Matrix<double>? phi)
    {
        var ltl = l.Transpose() * l;
        var v = phi is null ? ltl : phi * ltl;
        return Enumerable.Range(0, l.ColumnCount).Select(j => v[j, j]).ToArray();
    }

    /// <summary>psych's <c>fa.stats</c> objective and χ² (see <see cref="EfaFit"/>).</summary>
    private static EfaFit FitStatistics(Matrix<double> r, Matrix<double> l, Matrix<double>? phi, int n, int m, int dof)
    {
        int p = r.RowCount;
        var model = phi is null ? l * l.Transpose() : l * phi * l.Transpose();
        for (int i = 0; i < p; i++) model[i, i] = r[i, i];
        double objective;
        try
        {
            var mr = model.Solve(r);
            objective = mr.Trace() - Math.Log(mr.Determinant()) - p;
        }
        catch (Exception) { objective = double.NaN; }
        double chi = objective * ((n - 1) - (2.0 * p + 5) / 6 - 2.0 * m / 3);
        if (chi < 0) chi = 0;
        double pValue = dof > 0 && double.IsFinite(chi) ? SpecialFunctions.GammaUpperRegularized(dof / 2.0, chi / 2) : double.NaN;
        return new EfaFit(objective, chi, dof, pValue, n);
    }
}
