namespace SemLib.Results;

/// <summary>The model-implied covariance matrix (and means, with a mean structure) of one group.</summary>
public sealed record ImpliedMoments(IReadOnlyList<string> Names, double[,] Covariance, IReadOnlyList<double>? Means)
{
    /// <summary>The implied covariance of two variables by name.</summary>
    public double this[string row, string column]
    {
        get
        {
            int i = IndexOf(row), j = IndexOf(column);
            return Covariance[i, j];
        }
    }

    private int IndexOf(string name)
    {
        for (int i = 0; i < Names.Count; i++)
            if (Names[i] == name) return i;
        throw new KeyNotFoundException($"'{name}' is not an observed variable of the model.");
    }
}
