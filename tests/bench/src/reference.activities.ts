/** Activities of the reference workflow. */
export interface ReferenceActivities {
  echo(input: string): Promise<string>;
}

export const referenceActivities: ReferenceActivities = {
  async echo(input: string): Promise<string> {
    return input;
  },
};
