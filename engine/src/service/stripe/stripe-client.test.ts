import { testStack } from '@guildflow/stack/testing';
import { describe, expect, it } from 'vitest';
import { stripeClient } from './stripe-client.js';

describe('stripeClient', () => {
  it('talks to the API base it is given (stripe-mock here), which validates requests as Stripe does', async () => {
    const stripe = stripeClient('sk_test_123', testStack().stripeMockUrl);
    const customer = await stripe.customers.create({ email: 'ada@example.com' });
    expect(customer.id).toMatch(/^cus_/);
    expect(customer.email).toBe('ada@example.com');
    await expect(stripe.customers.create({ not_a_parameter: 'x' } as never)).rejects.toThrow(
      /additional properties are not allowed/,
    );
  });
});
