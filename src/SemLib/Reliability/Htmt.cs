using SemLib.Data;

namespace SemLib.Reliability;

/// <summary>
/// The heterotrait–monotrait ratio of correlations (Henseler, Ringle &amp; Sarstedt 2015) exactly as
/// <c>semTools::htmt()</c> 0.5.6 computes it by default: for constructs i and j,
/// HTMTᵢⱼ = m(|rᵢⱼ|) / √(m(|rᵢᵢ|) · m(|rⱼⱼ|)), where m(|rᵢⱼ|) averages the absolute correlations between
/// the items of i and of j, and m(|rᵢᵢ|) those among the items of i (diagonal excluded); m is the geometric
/// mean (HTMT2, Roemer, Schuberth &amp; Henseler 2021) unless <see cref="HtmtMean.Arithmetic"/> is asked for.
/// From raw data the correlations use the rows in which every item of every construct is observed (semTools'
/// <c>lavCor(missing = "listwise")</c>). Reverse keys on the definitions are ignored: they only change signs.
/// </summary>
public static class Htmt
{
    /// <summary>HTMT of the constructs from raw data (listwise complete rows).</summary>
    /// <param name="data">The data.</param>
    /// <param name="constructs">Each construct's name and items (at least two per construct).</param>
    /// <param name="mean">Geometric (semTools default) or arithmetic means.</param>
    /// <param name="absolute">Average absolute correlations (semTools' default; always so for geometric means).</param>
    public static HtmtResult Compute(DataSet data, IReadOnlyList<ScaleDefinition> constructs, HtmtMean mean = HtmtMean.Geometric, bool absolute = true)
    {
        ArgumentNullException.ThrowIfNull(constructs);
        Validate(constructs);
        foreach (var c in constructs) ItemData.From(data, c.Items, $"construct {MessageText.Quote(c.Name)}");
        var all = constructs.SelectMany(c => c.Items).Distinct(StringComparer.Ordinal).ToArray();
        var d = ItemData.From(data, all, "the HTMT analysis");
        var (r, n) = d.ListwiseCorrelation();
        return Compute(new LabeledMatrix(all, r), constructs, mean, absolute, n);
    }

    /// <summary>HTMT of the constructs from a correlation (or covariance) matrix of their items.</summary>
    public static HtmtResult Compute(LabeledMatrix correlation, IReadOnlyList<ScaleDefinition> constructs, HtmtMean mean = HtmtMean.Geometric, bool absolute = true)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        ArgumentNullException.ThrowIfNull(constructs);
        Validate(constructs);
        foreach (var c in constructs)
            foreach (var item in c.Items)
                if (!correlation.RowNames.Contains(item, StringComparer.Ordinal))
                    throw new ReliabilityException($"Construct {MessageText.Quote(c.Name)}: the item {MessageText.Quote(item)} is not in the correlation matrix (variables are: {MessageText.List(correlation.RowNames)}).");
        var all = constructs.SelectMany(c => c.Items).Distinct(StringComparer.Ordinal).ToArray();
        var r = new LabeledMatrix(all, Stats.CovToCor(correlation.Select(all).ToArray()));
        return Compute(r, constructs, mean, absolute, null);
    }

    private static HtmtResult Compute(LabeledMatrix r, IReadOnlyList<ScaleDefinition> constructs, HtmtMean mean, bool absolute, int? n)
    {
        bool abs = absolute || mean == HtmtMean.Geometric;
        int k = constructs.Count;
        var within = constructs.Select(c => Average(r, c.Items, c.Items, mean, abs)).ToArray();
        var h = new double[k, k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                h[i, j] = i == j ? 1.0 : Average(r, constructs[i].Items, constructs[j].Items, mean, abs) / Math.Sqrt(within[i] * within[j]);
        var names = constructs.Select(c => c.Name).ToArray();
        return new HtmtResult { Constructs = names, Matrix = new LabeledMatrix(names, h), Mean = mean, Absolute = abs, N = n };
    }

    /// <summary>Mean of r over items a × items b, skipping an item's correlation with itself (semTools sets the
    /// diagonal to NA).</summary>
    private static double Average(LabeledMatrix r, IReadOnlyList<string> a, IReadOnlyList<string> b, HtmtMean mean, bool abs)
    {
        double s = 0; int m = 0;
        foreach (var x in a)
            foreach (var y in b)
            {
                if (x == y) continue;
                double v = r[x, y];
                if (abs) v = Math.Abs(v);
                s += mean == HtmtMean.Geometric ? Math.Log(v) : v;
                m++;
            }
        return mean == HtmtMean.Geometric ? Math.Exp(s / m) : s / m;
    }

    private static void Validate(IReadOnlyList<ScaleDefinition> constructs)
    {
        if (constructs.Count < 2) throw new ReliabilityException($"HTMT needs at least two constructs (got {constructs.Count}).");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in constructs)
        {
            ArgumentNullException.ThrowIfNull(c);
            if (!names.Add(c.Name)) throw new ReliabilityException($"HTMT: the construct name {MessageText.Quote(c.Name)} appears twice.");
            if (c.Items.Count < 2)
                throw new ReliabilityException($"Construct {MessageText.Quote(c.Name)} has {c.Items.Count} item{(c.Items.Count == 1 ? "" : "s")} ({MessageText.List(c.Items)}); HTMT needs at least 2 per construct.");
            if (c.Items.Distinct(StringComparer.Ordinal).Count() != c.Items.Count)
                throw new ReliabilityException($"Construct {MessageText.Quote(c.Name)} lists an item twice.");
        }
    }
}
