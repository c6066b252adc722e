package org.mlplatform.serving;

import java.util.ArrayList;
import java.util.List;

/** Concatenates tensors of several requests along the first dimension, and splits answers. */
final class Tensors {

    private Tensors() {}

    /**
     * One tensor per position from the requests' tensors at that position (all of the same datatype
     * and row shape), rows in request order.
     */
    static List<Tensor> concat(List<List<Tensor>> requests) {
        if (requests.size() == 1) {
            return requests.get(0);
        }
        List<Tensor> first = requests.get(0);
        List<Tensor> joined = new ArrayList<>(first.size());
        for (int position = 0; position < first.size(); position++) {
            Tensor template = first.get(position);
            long rows = 0;
            int length = 0;
            for (List<Tensor> request : requests) {
                rows += request.get(position).rows();
                length += TensorType.length(request.get(position).data());
            }
            Object data = TensorType.valueOf(template.datatype()).allocate(length);
            int at = 0;
            for (List<Tensor> request : requests) {
                Object part = request.get(position).data();
                int n = TensorType.length(part);
                System.arraycopy(part, 0, data, at, n);
                at += n;
            }
            long[] shape = template.shape().clone();
            shape[0] = rows;
            joined.add(new Tensor(template.name(), template.datatype(), shape, data));
        }
        return joined;
    }

    /**
     * The rows {@code [from, from + count)} of every output.
     *
     * @throws IllegalStateException when an output's first dimension is not the batch's rows
     */
    static List<Tensor> slice(List<Tensor> outputs, int totalRows, int from, int count) {
        if (from == 0 && count == totalRows) {
            return outputs;
        }
        List<Tensor> sliced = new ArrayList<>(outputs.size());
        for (Tensor output : outputs) {
            if (output.shape().length == 0 || output.shape()[0] != totalRows) {
                throw new IllegalStateException(
                        "output " + output.name() + " is not batched along its first dimension");
            }
            int perRow = TensorType.length(output.data()) / totalRows;
            Object data = TensorType.valueOf(output.datatype()).allocate(perRow * count);
            System.arraycopy(output.data(), from * perRow, data, 0, perRow * count);
            long[] shape = output.shape().clone();
            shape[0] = count;
            sliced.add(new Tensor(output.name(), output.datatype(), shape, data));
        }
        return sliced;
    }
}
