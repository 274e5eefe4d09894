namespace SemLib.Inference;

/// <summary>
/// The non-zero entries of a dense row-major matrix, row by row (compressed sparse rows). The Jacobian Δ of the
/// thresholds and polychoric correlations is sparse — a correlation depends on a few loadings and latent (co)variances,
/// a threshold on itself and a mean — so the products with Γ (m×m) cost m·nnz instead of m²·r.
/// </summary>
internal sealed class SparseRows
{
    public SparseRows(double[] dense, int rows, int cols)
    {
        Rows = rows;
        Cols = cols;
        Start = new int[rows + 1];
        var idx = new List<int>();
        var val = new List<double>();
        for (int i = 0; i < rows; i++)
        {
            Start[i] = idx.Count;
            for (int j = 0; j < cols; j++)
            {
                double v = dense[i * cols + j];
                if (v == 0) continue;
                idx.Add(j);
                val.Add(v);
            }
        }
        Start[rows] = idx.Count;
        Index = idx.ToArray();
        Value = val.ToArray();
    }

    public int Rows { get; }
    public int Cols { get; }
    public int[] Start { get; }
    public int[] Index { get; }
    public double[] Value { get; }

    /// <summary>Yᵀ = (diag(w)·this)ᵀ·S for a symmetric m×m S (this m×r): r×m, row t = Σ_k w_k X_kt S_k·.</summary>
    public double[] WeightedTransposeTimes(ReadOnlySpan<double> w, double[] s)
    {
        int m = Rows, r = Cols;
        var result = new double[r * m];
        for (int k = 0; k < m; k++)
        {
            var sk = new ReadOnlySpan<double>(s, k * m, m);
            for (int e = Start[k]; e < Start[k + 1]; e++)
                LinearAlgebra.Dense.Axpy(w[k] * Value[e], sk, result.AsSpan(Index[e] * m, m));
        }
        return result;
    }

    /// <summary>Y·diag(w)·this for a dense r'×m Y (row-major): r'×r.</summary>
    public double[] LeftTimesWeighted(double[] y, int yRows, ReadOnlySpan<double> w)
    {
        int m = Rows, r = Cols;
        var result = new double[yRows * r];
        for (int a = 0; a < yRows; a++)
        {
            var ya = new ReadOnlySpan<double>(y, a * m, m);
            var ra = result.AsSpan(a * r, r);
            for (int k = 0; k < m; k++)
            {
                double v = ya[k] * w[k];
                if (v == 0) continue;
                for (int e = Start[k]; e < Start[k + 1]; e++) ra[Index[e]] += v * Value[e];
            }
        }
        return result;
    }
}
