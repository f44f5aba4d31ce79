import { useState, type FormEvent } from 'react';
import { useCreateGraph, type GraphResource } from '../api/queries.js';
import { Button, Dialog, errorMessage } from '../ui/index.js';
import { emptyGraph } from './graph-documents.js';

/** Asks for a name, creates an empty graph and hands it back (the list then opens it). */
export function NewGraphDialog(props: {
  guildId: string;
  onClose(): void;
  onCreated(graph: GraphResource): void;
}) {
  const create = useCreateGraph(props.guildId);
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(emptyGraph(name.trim() || 'Untitled graph'), { onSuccess: props.onCreated });
  };
  return (
    <Dialog
      title="New graph"
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" form="gf-new-graph" variant="primary" busy={create.isPending}>
            Create and open
          </Button>
        </>
      }
    >
      <form id="gf-new-graph" onSubmit={submit}>
        <div className="gf-field">
          <label htmlFor="gf-new-graph-name">Name</label>
          <input
            id="gf-new-graph-name"
            value={name}
            maxLength={100}
            placeholder="Welcome new members"
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        {create.isError ? (
          <p className="gf-field-error" role="alert">
            {errorMessage(create.error)}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
